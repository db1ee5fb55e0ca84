#include "run_command.h"

#include "analysis/topology_analysis.h"
#include "cli_common.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"
#include "run/file_output.h"
#include "run/run_scenario.h"
#include "sim/simulation.h"
#include "summary.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <iostream>

namespace sdlab::cli {

int runCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Simulate a scenario and write its metrics.");
    parser.addHelpOption();
    parser.addPositionalArgument("file", "Scenario file (JSON).");
    const QCommandLineOption outOption("out", "Folder for metrics.json and timeseries.csv.", "dir");
    const QCommandLineOption seedOption("seed", "Random seed (overrides the file's).", "n");
    const QCommandLineOption durationOption("duration", "Simulated seconds (overrides the file's).",
                                            "s");
    parser.addOptions({outOption, seedOption, durationOption});
    if (!parser.parse(arguments)) return badInput(parser.errorText());
    if (parser.isSet("help")) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) return badInput("expected one scenario file (sdlab run FILE --out DIR)");
    if (!parser.isSet(outOption)) return badInput("missing --out DIR");
    const QString file = files.front();

    model::Scenario scenario;
    if (!loadScenarioForCommand(file, scenario)) return 2;
    if (parser.isSet(seedOption)) {
        bool ok = false;
        scenario.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return badInput("--seed: expected a non-negative integer, got '" +
                            parser.value(seedOption) + "'");
    }
    if (parser.isSet(durationOption)) {
        bool ok = false;
        const double d = parser.value(durationOption).toDouble(&ok);
        if (!ok || !(d > scenario.warmupS) || d > 1e7)
            return badInput(
                QString("--duration: expected seconds above the warm-up (%1 s), got '%2'")
                    .arg(scenario.warmupS)
                    .arg(parser.value(durationOption)));
        scenario.durationS = d;
    }

    const QString outDir = parser.value(outOption);
    const QString input = QFileInfo(file).canonicalFilePath();
    for (const char* output : {"metrics.json", "timeseries.csv"})
        if (QFileInfo(QDir(outDir).filePath(output)).canonicalFilePath() == input)
            return badInput(file + ": the output " + output +
                            " would overwrite this file; choose another --out");
    if (!QDir().mkpath(outDir))
        return QTextStream(stderr) << "sdlab: error: cannot create folder '" << outDir << "'\n", 1;
    try {
        QElapsedTimer wall;
        wall.start();
        run::CsvFileSink csv(QDir(outDir).filePath("timeseries.csv").toStdString());
        model::Json report = run::runScenario(scenario, &csv);
        report["analysis"] = analysisJson(analysis::analyzeTopology(scenario));
        csv.commit();
        run::writeFileAtomically(QDir(outDir).filePath("metrics.json").toStdString(),
                                 report.dump(2) + "\n");
        std::cout << formatSummary(scenario, report, double(wall.elapsed()) / 1000.0) << "Wrote "
                  << QDir(outDir).filePath("metrics.json").toStdString() << " and "
                  << QDir(outDir).filePath("timeseries.csv").toStdString() << "\n";
    } catch (const sim::StuckError& e) {
        return badInput(file + ": " + e.what());
    } catch (const std::exception& e) {
        QTextStream(stderr) << "sdlab: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

} // namespace sdlab::cli
