#include "sweep_command.h"

#include "cli_common.h"
#include "model/scenario_error.h"
#include "run/file_output.h"
#include "run/sweep.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace sdlab::cli {

namespace {

bool readNumber(const QCommandLineParser& parser, const QString& name, double& out) {
    bool ok = false;
    out = parser.value(name).toDouble(&ok);
    return ok;
}

std::string csvOf(const run::SweepResult& r, const std::string& param) {
    std::ostringstream out;
    out << param
        << ",throughput_rps,error_rate,latency_mean_ms,latency_p50_ms,latency_p99_ms,knee\n";
    for (std::size_t i = 0; i < r.points.size(); ++i) {
        const auto& p = r.points[i];
        out << p.value << ',' << p.throughputRps << ',' << p.errorRate << ',' << p.meanMs << ','
            << p.p50Ms << ',' << p.p99Ms << ',' << (int(i) == r.knee ? 1 : 0) << '\n';
    }
    return out.str();
}

std::string jsonOf(const run::SweepResult& r, const run::SweepSpec& spec) {
    model::Json points = model::Json::array();
    for (const auto& p : r.points)
        points.push_back(
            {{"value", p.value},
             {"throughput_rps", p.throughputRps},
             {"error_rate", p.errorRate},
             {"latency_ms", {{"mean", p.meanMs}, {"p50", p.p50Ms}, {"p99", p.p99Ms}}}});
    model::Json out = {
        {"param", spec.param},
        {"points", points},
        {"knee", r.knee < 0 ? model::Json() : model::Json(r.points[std::size_t(r.knee)].value)}};
    return out.dump(2) + "\n";
}

std::string table(const run::SweepResult& r, const std::string& param) {
    std::ostringstream out;
    char line[160];
    std::snprintf(line, sizeof line, "%14s %12s %8s %10s %10s\n",
                  param.substr(param.rfind('.') + 1).c_str(), "throughput", "errors", "p50 ms",
                  "p99 ms");
    out << line;
    for (std::size_t i = 0; i < r.points.size(); ++i) {
        const auto& p = r.points[i];
        std::snprintf(line, sizeof line, "%14g %12.1f %7.2f%% %10.2f %10.2f%s\n", p.value,
                      p.throughputRps, 100 * p.errorRate, p.p50Ms, p.p99Ms,
                      int(i) == r.knee ? "   <- knee: latency takes off" : "");
        out << line;
    }
    if (r.knee < 0) out << "No knee: p99 latency does not take off over this range.\n";
    return out.str();
}

} // namespace

int sweepCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Run a design over a range of one parameter (what-if).");
    parser.addHelpOption();
    parser.addPositionalArgument("file", "Scenario file (JSON).");
    parser.addOptions({{"param", "Parameter: clients.<id>.rps or components.<id>.<param>.", "path"},
                       {"from", "First value.", "x"},
                       {"to", "Last value.", "x"},
                       {"steps", "Values, evenly spaced (default 10).", "n", "10"},
                       {"threads", "Parallel runs (default: all cores).", "n", "0"},
                       {"out", "Folder for sweep.csv and sweep.json.", "dir"}});
    if (!parser.parse(arguments)) return badInput(parser.errorText());
    if (parser.isSet("help")) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return badInput("expected one scenario file (sdlab sweep FILE --param P --from A --to B "
                        "--out DIR)");
    for (const char* required : {"param", "from", "to", "out"})
        if (!parser.isSet(required)) return badInput(QString("missing --%1").arg(required));
    const QString file = parser.positionalArguments().front();
    model::Scenario scenario;
    if (!loadScenarioForCommand(file, scenario)) return 2;

    run::SweepSpec spec;
    spec.param = parser.value("param").toStdString();
    bool stepsOk = false, threadsOk = false;
    spec.steps = parser.value("steps").toInt(&stepsOk);
    const int threads = parser.value("threads").toInt(&threadsOk);
    if (!readNumber(parser, "from", spec.from)) return badInput("--from: expected a number");
    if (!readNumber(parser, "to", spec.to)) return badInput("--to: expected a number");
    if (!stepsOk) return badInput("--steps: expected a whole number");
    if (!threadsOk || threads < 0) return badInput("--threads: expected a whole number ≥ 0");
    try {
        run::checkSweep(scenario, spec);
    } catch (const model::ScenarioError& e) {
        return badInput(QString::fromStdString(e.path() + ": " + e.what()));
    }
    const QString outDir = parser.value("out");
    if (!QDir().mkpath(outDir))
        return QTextStream(stderr) << "sdlab: error: cannot create folder '" << outDir << "'\n", 1;
    try {
        const bool terminal = isatty(fileno(stderr)); // progress only for a person watching
        const run::SweepResult result =
            run::runSweep(scenario, spec, threads, [terminal](int done, int total) {
                if (terminal) std::fprintf(stderr, "\r%d of %d runs done", done, total);
            });
        if (terminal) std::fprintf(stderr, "\n");
        run::writeFileAtomically(QDir(outDir).filePath("sweep.csv").toStdString(),
                                 csvOf(result, spec.param));
        run::writeFileAtomically(QDir(outDir).filePath("sweep.json").toStdString(),
                                 jsonOf(result, spec));
        std::cout << table(result, spec.param) << "Wrote "
                  << QDir(outDir).filePath("sweep.csv").toStdString() << " and "
                  << QDir(outDir).filePath("sweep.json").toStdString() << "\n";
    } catch (const std::exception& e) {
        QTextStream(stderr) << "sdlab: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

} // namespace sdlab::cli
