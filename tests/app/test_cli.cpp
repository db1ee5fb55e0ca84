// The headless CLI as users run it: `sdlab run FILE --out DIR [--seed N] [--duration S]`.
// Bad input exits 2 with one line on stderr naming the file, line, column and JSON path,
// writes nothing and leaves the input alone; good runs exit 0 with metrics.json and
// timeseries.csv, byte-identical for the same seed.
#include "model/scenario.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using sdlab::model::Json;

namespace {

constexpr int kTimeoutMs = 120000;

struct Result {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

Result runSdlab(const QStringList& arguments) {
    QProcess p;
    p.start(QStringLiteral(SDLAB_BINARY), arguments);
    Result r;
    if (!p.waitForStarted(kTimeoutMs)) { // say why: a binary being relinked, or missing
        r.crashed = true;
        r.err = "did not start: " + p.errorString();
        return r;
    }
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        r.err = "did not finish in time";
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString example(const QString& name) {
    return QDir(QStringLiteral(SDLAB_EXAMPLES_DIR)).filePath(name);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Exactly one line, ending in a newline.
bool oneLine(const QString& s) {
    return s.endsWith('\n') && s.count('\n') == 1;
}

QString describe(const Result& r) {
    return QString("exit %1%2, stderr: %3")
        .arg(r.exitCode)
        .arg(r.crashed ? " (crashed)" : "")
        .arg(r.err);
}

/// Removes the one '@' in `marked` and returns "LINE:COL" of where it stood (1-based, bytes).
QString unmark(QByteArray& marked) {
    const qsizetype at = marked.indexOf('@');
    if (at < 0) return {};
    marked.remove(at, 1);
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < at; ++i)
        if (marked[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return QString("%1:%2").arg(line).arg(at - lineStart + 1);
}

/// A small valid scenario around the given component and link lists.
QByteArray scenario(const QByteArray& components, const QByteArray& links) {
    return "{\n"
           "  \"version\": 1,\n"
           "  \"duration_s\": 60,\n"
           "  \"warmup_s\": 10,\n"
           "  \"components\": [\n" +
           components +
           "\n  ],\n"
           "  \"links\": [\n" +
           links + "\n  ]\n}\n";
}

const QByteArray kComponents = "    { \"id\": \"clients\", \"type\": \"client\", \"rps\": 50 },\n"
                               "    { \"id\": \"api\", \"type\": \"service\", \"workers\": 2 }";
const QByteArray kLinks = "    { \"from\": \"clients\", \"to\": \"api\" }";

QByteArray withApi(const QByteArray& fields) {
    return scenario("    { \"id\": \"clients\", \"type\": \"client\", \"rps\": 50 },\n"
                    "    { \"id\": \"api\", \"type\": \"service\", " +
                        fields + " }",
                    kLinks);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo(QStringLiteral(SDLAB_BINARY)).isExecutable(), SDLAB_BINARY);
        QVERIFY(QFileInfo::exists(example("single-server.json")));
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("text"); // '@' marks where the error must point
        QTest::addColumn<QString>("path");

        QTest::newRow("malformed: missing comma") << QByteArray("{\n"
                                                                "  \"components\": [\n"
                                                                "    { \"id\": \"a\" }\n"
                                                                "    @{ \"id\": \"b\" }\n"
                                                                "  ]\n"
                                                                "}\n")
                                                  << "";
        QTest::newRow("malformed: trailing comma") << QByteArray("{\n"
                                                                 "  \"components\": [\n"
                                                                 "    { \"id\": \"a\" },\n"
                                                                 "  @]\n"
                                                                 "}\n")
                                                   << "";
        QTest::newRow("malformed: truncated") << QByteArray("{\n"
                                                            "  \"components\": [\n"
                                                            "    { \"id\": \"a\" }\n"
                                                            "@")
                                              << "";
        QTest::newRow("malformed: empty file") << QByteArray("@") << "";
        QTest::newRow("malformed: not JSON") << QByteArray("@hello\n") << "";
        QTest::newRow("malformed: invalid UTF-8")
            << QByteArray("{\n  \"name\": \"@\xff\",\n  \"components\": []\n}\n") << "";
        QTest::newRow("number too large") << withApi("\"workers\":\n      @1e400") << "";
        QTest::newRow("top level not an object") << QByteArray("\n@[ 1, 2 ]\n") << "";
        QTest::newRow("wrong version")
            << scenario(kComponents, kLinks).replace("\"version\": 1", "\"version\": @2")
            << "version";
        QTest::newRow("warm-up as long as the run")
            << scenario(kComponents, kLinks).replace("\"warmup_s\": 10", "\"warmup_s\": @60")
            << "warmup_s";
        QTest::newRow("unknown component type")
            << scenario("    { \"id\": \"clients\", \"type\": \"client\" },\n"
                        "    { \"id\": \"api\", \"type\": @\"servce\" }",
                        kLinks)
            << "components[1].type";
        QTest::newRow("missing id")
            << scenario("    { \"id\": \"clients\", \"type\": \"client\" },\n"
                        "    @{ \"type\": \"service\" }",
                        kLinks)
            << "components[1].id";
        QTest::newRow("workers as a string")
            << withApi("\"workers\": @\"4\"") << "components[1].workers";
        QTest::newRow("negative workers") << withApi("\"workers\": @-3") << "components[1].workers";
        QTest::newRow("fractional workers")
            << withApi("\"workers\": @2.5") << "components[1].workers";
        QTest::newRow("misspelt parameter") << withApi("\"worker\": @2") << "components[1].worker";
        QTest::newRow("absurd rps")
            << scenario("    { \"id\": \"clients\", \"type\": \"client\", \"rps\": @1e12 },\n"
                        "    { \"id\": \"api\", \"type\": \"service\" }",
                        kLinks)
            << "components[0].rps";
        QTest::newRow("unknown distribution")
            << withApi("\"service_time\": { \"dist\": @\"gauss\", \"mean_ms\": 5 }")
            << "components[1].service_time.dist";
        QTest::newRow("uniform with equal bounds")
            << withApi("\"service_time\": { \"dist\": \"uniform\", \"min_ms\": 5, \"max_ms\": @5 }")
            << "components[1].service_time.max_ms";
        QTest::newRow("newline in an id")
            << scenario("    { \"id\": \"clients\", \"type\": \"client\" },\n"
                        "    { \"id\": @\"a\\nb\", \"type\": \"service\" }",
                        "")
            << "components[1].id";
        QTest::newRow("link to an unknown id")
            << scenario(kComponents, "    { \"from\": \"clients\", \"to\": @\"nowhere\" }")
            << "links[0].to";
        QTest::newRow("link into a client")
            << scenario(kComponents, kLinks + ",\n    { \"from\": \"api\", \"to\": @\"clients\" }")
            << "links[1].to";
        QTest::newRow("routing loop")
            << QByteArray("{\n"
                          "  \"components\": [\n"
                          "    { \"id\": \"clients\", \"type\": \"client\" },\n"
                          "    { \"id\": \"a\", \"type\": \"service\" },\n"
                          "    { \"id\": \"b\", \"type\": \"service\" }\n"
                          "  ],\n"
                          "  \"links\": @[\n"
                          "    { \"from\": \"clients\", \"to\": \"a\" },\n"
                          "    { \"from\": \"a\", \"to\": \"b\" },\n"
                          "    { \"from\": \"b\", \"to\": \"a\" }\n"
                          "  ]\n"
                          "}\n")
            << "links";
        QTest::newRow("cache with two outgoing links")
            << scenario("    { \"id\": \"clients\", \"type\": \"client\" },\n"
                        "    @{ \"id\": \"cache\", \"type\": \"cache\" },\n"
                        "    { \"id\": \"a\", \"type\": \"service\" },\n"
                        "    { \"id\": \"b\", \"type\": \"service\" }",
                        "    { \"from\": \"clients\", \"to\": \"cache\" },\n"
                        "    { \"from\": \"cache\", \"to\": \"a\" },\n"
                        "    { \"from\": \"cache\", \"to\": \"b\" }")
            << "components[1]";

        // A million brackets: refused, not a stack overflow. The error names the first
        // container past the depth limit (64 levels; "ui" is the second).
        QByteArray deep = "{\n  \"components\": [],\n  \"ui\": ";
        deep += QByteArray(63, '[') + "@" + QByteArray(1000000, '[') + QByteArray(1000063, ']');
        deep += "\n}\n";
        QString deepPath = "ui";
        for (int i = 0; i < 63; ++i)
            deepPath += "[0]";
        QTest::newRow("nested a million levels deep") << deep << deepPath;
    }
    void badInput() {
        QFETCH(QByteArray, text);
        QFETCH(QString, path);
        const QString where = unmark(text);
        QVERIFY2(!where.isEmpty(), "the row has no '@' marker");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("bad.json");
        const QString out = dir.filePath("out");
        QVERIFY(writeAll(file, text));

        const Result r = runSdlab({"run", file, "--out", out});
        QVERIFY2(!r.crashed && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneLine(r.err), qPrintable("not one line: " + r.err));
        const QString expected =
            "sdlab: error: " + file + ":" + where + ": " + (path.isEmpty() ? "" : path + ": ");
        QVERIFY2(r.err.startsWith(expected),
                 qPrintable(QString("stderr: %1expected to start: %2").arg(r.err, expected)));
        QVERIFY2(r.err.size() > expected.size() + 5, "no message after the path");
        QVERIFY(r.out.isEmpty());
        QVERIFY2(!QFileInfo::exists(QDir(out).filePath("metrics.json")), "metrics.json written");
        QVERIFY(!QFileInfo::exists(QDir(out).filePath("timeseries.csv")));
        QVERIFY(readAll(file) == text);
    }

    // A bad run into a folder holding an earlier good run leaves that run as it was.
    void badInputKeepsEarlierOutput() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("out");
        Result r =
            runSdlab({"run", example("single-server.json"), "--out", out, "--duration", "70"});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QByteArray metrics = readAll(QDir(out).filePath("metrics.json"));
        const QByteArray series = readAll(QDir(out).filePath("timeseries.csv"));
        QVERIFY(!metrics.isEmpty() && !series.isEmpty());

        const QString bad = dir.filePath("bad.json");
        QVERIFY(writeAll(bad, withApi("\"workers\": -1")));
        r = runSdlab({"run", bad, "--out", out});
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY(readAll(QDir(out).filePath("metrics.json")) == metrics);
        QVERIFY(readAll(QDir(out).filePath("timeseries.csv")) == series);
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("extra"); // after `run FILE`
        QTest::addColumn<QString>("says");
        QTest::newRow("missing --out") << QStringList{} << "--out";
        QTest::newRow("--out without a value") << QStringList{"--out"} << "out";
        QTest::newRow("--seed abc") << QStringList{"--out", "OUT", "--seed", "abc"} << "--seed";
        QTest::newRow("--seed -1") << QStringList{"--out", "OUT", "--seed", "-1"} << "--seed";
        QTest::newRow("--seed 1.5") << QStringList{"--out", "OUT", "--seed", "1.5"} << "--seed";
        QTest::newRow("--seed empty") << QStringList{"--out", "OUT", "--seed", ""} << "--seed";
        // single-server.json warms up for 60 s.
        QTest::newRow("--duration below warm-up")
            << QStringList{"--out", "OUT", "--duration", "30"} << "--duration";
        QTest::newRow("--duration equal to warm-up")
            << QStringList{"--out", "OUT", "--duration", "60"} << "--duration";
        QTest::newRow("--duration negative")
            << QStringList{"--out", "OUT", "--duration", "-5"} << "--duration";
        QTest::newRow("--duration abc")
            << QStringList{"--out", "OUT", "--duration", "abc"} << "--duration";
        QTest::newRow("--duration nan")
            << QStringList{"--out", "OUT", "--duration", "nan"} << "--duration";
        QTest::newRow("--duration absurd")
            << QStringList{"--out", "OUT", "--duration", "1e300"} << "--duration";
        QTest::newRow("unknown option") << QStringList{"--out", "OUT", "--sed", "3"} << "sed";
        QTest::newRow("two files") << QStringList{"other.json", "--out", "OUT"} << "one scenario";
    }
    void badArguments() {
        QFETCH(QStringList, extra);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("out");
        for (QString& a : extra)
            if (a == "OUT") a = out;
        const Result r = runSdlab(QStringList{"run", example("single-server.json")} + extra);
        QVERIFY2(!r.crashed && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneLine(r.err), qPrintable("not one line: " + r.err));
        QVERIFY2(r.err.startsWith("sdlab: error: ") && r.err.contains(says), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(QDir(out).filePath("metrics.json")));
    }

    void sweepFindsTheKnee() {
        // M/M/1 with capacity 100/s (single-server.json), load 10 → 98/s: throughput follows
        // the load, p99 latency takes off near saturation and the knee is marked there.
        QTemporaryDir dir;
        const QString out = dir.filePath("sweep");
        const Result r =
            runSdlab({"sweep", example("single-server.json"), "--param", "clients.clients.rps",
                      "--from", "10", "--to", "98", "--steps", "12", "--out", out});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.contains("<- knee"));
        const auto sweep = Json::parse(readAll(QDir(out).filePath("sweep.json")).toStdString());
        const auto& points = sweep["points"];
        QCOMPARE(points.size(), std::size_t(12));
        for (const auto& p : points)
            QVERIFY(std::abs(p["throughput_rps"].get<double>() - p["value"].get<double>()) <
                    0.03 * p["value"].get<double>());
        QVERIFY(points[11]["latency_ms"]["p99"].get<double>() >
                10 * points[0]["latency_ms"]["p99"].get<double>());
        const double knee = sweep["knee"].get<double>();
        QVERIFY2(knee >= 70 && knee <= 95, qPrintable(QString::number(knee)));
        QCOMPARE(readAll(QDir(out).filePath("sweep.csv")).count('\n'), 13);
        // A parameter the design does not have is refused by name, nothing written.
        const Result bad =
            runSdlab({"sweep", example("single-server.json"), "--param", "clients.nobody.rps",
                      "--from", "1", "--to", "2", "--out", dir.filePath("bad")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--param") && bad.err.contains("nobody"), qPrintable(bad.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("bad/sweep.json")));
    }

    void lessonCheckGradesDesigns() {
        // A teacher grading submissions: the exercise's naive design fails (exit 1) and says
        // why; the reference passes (exit 0); a lesson that is not one is bad input (exit 2).
        const QString lesson = QStringLiteral(SDLAB_LESSONS_DIR "/url-shortener/lesson.json");
        const Result naive = runSdlab(
            {"lesson", "check", lesson, SDLAB_LESSONS_DIR "/url-shortener/naive.json", "--json"});
        QVERIFY2(!naive.crashed && naive.exitCode == 1, qPrintable(describe(naive)));
        const Json n = Json::parse(naive.out.toStdString());
        QCOMPARE(n["passed"].get<bool>(), false);
        QCOMPARE(n["lesson"].get<std::string>(), std::string("url-shortener"));
        bool saysWhy = false;
        for (const auto& c : n["checks"])
            saysWhy = saysWhy || (!c["passed"].get<bool>() && c["message"].get<std::string>().find(
                                                                  "needs") != std::string::npos);
        QVERIFY(saysWhy);
        const Result good = runSdlab(
            {"lesson", "check", lesson, SDLAB_LESSONS_DIR "/url-shortener/reference.json"});
        QVERIFY2(!good.crashed && good.exitCode == 0, qPrintable(describe(good)));
        QVERIFY(good.out.contains("PASSED"));
        const Result bad = runSdlab({"lesson", "check", example("single-server.json")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.startsWith("sdlab: error: ") && oneLine(bad.err), qPrintable(bad.err));
    }

    void unreadableFile_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("folder");
        QTest::addColumn<QString>("says");
        QTest::newRow("nonexistent") << "nope.json" << false << "cannot open";
        QTest::newRow("a folder") << "folder.json" << true << "folder";
    }
    void unreadableFile() {
        QFETCH(QString, name);
        QFETCH(bool, folder);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(name);
        if (folder) QVERIFY(QDir().mkpath(file));
        const QString out = dir.filePath("out");
        const Result r = runSdlab({"run", file, "--out", out});
        QVERIFY2(!r.crashed && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneLine(r.err), qPrintable("not one line: " + r.err));
        QVERIFY2(r.err.startsWith("sdlab: error: " + file + ": ") && r.err.contains(says),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    // The input named as one of the outputs would be overwritten: refused, input kept.
    void inputIsAnOutput() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("metrics.json");
        const QByteArray text = readAll(example("single-server.json"));
        QVERIFY(writeAll(file, text));
        const Result r = runSdlab({"run", file, "--out", dir.path(), "--duration", "70"});
        QVERIFY2(!r.crashed && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(oneLine(r.err), qPrintable(r.err));
        QVERIFY(readAll(file) == text);
        QVERIFY(!QFileInfo::exists(dir.filePath("timeseries.csv")));
    }

    void goodRun() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("out");
        const QString input = example("single-server.json");
        const QByteArray before = readAll(input);
        const Result r = runSdlab({"run", input, "--out", out, "--duration", "120"});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.contains("metrics.json"));
        QVERIFY(readAll(input) == before);

        const QByteArray metricsText = readAll(QDir(out).filePath("metrics.json"));
        QVERIFY(!metricsText.isEmpty());
        Json m;
        try {
            m = Json::parse(metricsText.toStdString());
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QVERIFY(m.contains("end_to_end"));
        const Json& e = m["end_to_end"];
        for (const char* key : {"sent", "completed", "failed", "error_rate", "throughput_rps"})
            QVERIFY2(e.contains(key) && e[key].is_number(), key);
        for (const char* key : {"mean", "p50", "p95", "p99", "max"})
            QVERIFY2(e["latency_ms"].contains(key) && e["latency_ms"][key].is_number(), key);
        // 80 req/s for 60 measured seconds (120 minus 60 warm-up).
        const double sent = e["sent"].get<double>();
        QVERIFY2(sent > 4000 && sent < 5600, qPrintable(QString::number(sent)));
        QVERIFY(e["completed"].get<double>() <= sent && e["completed"].get<double>() > 0.95 * sent);
        QVERIFY(e["error_rate"].get<double>() >= 0 && e["error_rate"].get<double>() <= 1);
        const Json& lat = e["latency_ms"];
        QVERIFY(lat["p50"].get<double>() <= lat["p95"].get<double>());
        QVERIFY(lat["p95"].get<double>() <= lat["p99"].get<double>());
        QVERIFY(lat["p99"].get<double>() <= lat["max"].get<double>() * 1.01);
        QVERIFY(lat["mean"].get<double>() > 0);

        QVERIFY(m.contains("components") && m["components"].contains("server"));
        const Json& server = m["components"]["server"];
        for (const char* key :
             {"arrivals", "completed", "rejected", "utilization", "mean_queue_length"})
            QVERIFY2(server.contains(key) && server[key].is_number(), key);
        QVERIFY(server.contains("latency_ms") && server["latency_ms"].is_object());
        for (const char* key : {"mean", "p50", "p95", "p99", "max"})
            QVERIFY2(server["latency_ms"].contains(key), key);
        const double utilization = server["utilization"].get<double>();
        QVERIFY2(utilization > 0.6 && utilization <= 1.0, qPrintable(QString::number(utilization)));

        // timeseries.csv: a header, then one row per simulated second.
        const QString csv = QString::fromUtf8(readAll(QDir(out).filePath("timeseries.csv")));
        QStringList lines = csv.split('\n');
        QVERIFY(csv.endsWith('\n'));
        lines.removeLast();
        QCOMPARE(lines.size(), 1 + 120);
        const QStringList header = lines.front().split(',');
        QCOMPARE(header.front(), QString("time_s"));
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines[i].split(',');
            QCOMPARE(cells.size(), header.size());
            QCOMPARE(cells.front().toDouble(), double(i));
        }
        // Nothing half-written left beside the outputs.
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"metrics.json", "timeseries.csv"}));
    }

    void sameSeedSameBytes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString input = example("single-server.json");
        auto run = [&](const QString& name, const QString& seed) {
            const QString out = dir.filePath(name);
            QStringList args{"run", input, "--out", out, "--duration", "120"};
            if (!seed.isEmpty()) args << "--seed" << seed;
            const Result r = runSdlab(args);
            if (r.crashed || r.exitCode != 0) qWarning("%s", qPrintable(describe(r)));
            return readAll(QDir(out).filePath("metrics.json"));
        };
        const QByteArray a = run("a", "42");
        const QByteArray b = run("b", "42");
        const QByteArray c = run("c", "43");
        QVERIFY(!a.isEmpty() && !c.isEmpty());
        QVERIFY2(a == b, "same file and seed, different metrics.json");
        QVERIFY2(a != c, "a different seed gave the same metrics.json");

        // Without --seed the file's seed (1) is used, every time.
        const QByteArray fileSeed = run("d", "");
        QVERIFY(!fileSeed.isEmpty());
        QVERIFY(fileSeed == run("e", ""));
        QVERIFY(fileSeed == run("f", "1"));
    }

    void replacesExistingOutput() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("out");
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeAll(QDir(out).filePath("metrics.json"), "stale\n"));
        QVERIFY(writeAll(QDir(out).filePath("timeseries.csv"), "stale\n"));
        const Result r =
            runSdlab({"run", example("single-server.json"), "--out", out, "--duration", "70"});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        const QByteArray metrics = readAll(QDir(out).filePath("metrics.json"));
        QVERIFY(metrics != "stale\n");
        QVERIFY(Json::accept(metrics.toStdString()));
        QVERIFY(Json::parse(metrics.toStdString()).contains("end_to_end"));
        QVERIFY(readAll(QDir(out).filePath("timeseries.csv")).startsWith("time_s,"));
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"metrics.json", "timeseries.csv"}));
    }

    void allExamplesRun_data() {
        QTest::addColumn<QString>("file");
        const QDir examples(QStringLiteral(SDLAB_EXAMPLES_DIR));
        for (const QString& f : examples.entryList({"*.json"}, QDir::Files))
            QTest::newRow(qPrintable(f)) << examples.filePath(f);
    }
    void allExamplesRun() {
        QFETCH(QString, file);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Json scenario = Json::parse(readAll(file).toStdString());
        const double duration = scenario.value("warmup_s", 0.0) + 20;
        const Result r =
            runSdlab({"run", file, "--out", dir.path(), "--duration", QString::number(duration)});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(QFileInfo::exists(dir.filePath("metrics.json")));
        QVERIFY(QFileInfo::exists(dir.filePath("timeseries.csv")));
    }

    // --run-for runs the design before the screenshot: the picture has charts in it.
    void screenshotAfterRunFor() {
        QTemporaryDir dir;
        const QString still = dir.filePath("still.png"), ran = dir.filePath("ran.png");
        const QString file = example("outage-drill.json");
        Result r = runSdlab({"--screenshot", still, file});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        r = runSdlab({"--screenshot", ran, "--run-for", "30", file});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(readAll(ran).startsWith("\x89PNG"));
        QVERIFY(readAll(ran) != readAll(still));
        r = runSdlab({"--screenshot", ran, "--run-for", "soon", file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--run-for"));
    }

    void help() {
        const Result r = runSdlab({"run", "--help"});
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.contains("--out"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
