// Every lesson in lessons/: the file parses, each task's starting design fails its check and
// the reference solution passes it — run headless through the same code as the GUI. Bad
// lesson files are refused with the step and field named.
#include "lessons/figure_names.h"
#include "lessons/lesson_check.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <fstream>

using namespace sdlab;

namespace {

QStringList lessonFiles() {
    QStringList files;
    const QDir root(QStringLiteral(SDLAB_LESSONS_DIR));
    for (const QString& folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (QFileInfo::exists(root.filePath(folder + "/lesson.json")))
            files << root.filePath(folder + "/lesson.json");
    return files;
}

model::ComponentSpec component(std::string id, std::string type, std::string label = {}) {
    model::ComponentSpec c;
    c.id = std::move(id);
    c.type = std::move(type);
    c.label = std::move(label);
    return c;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
private slots:
    void everyLessonFailsFromItsStartAndPassesWithItsSolution_data() {
        QTest::addColumn<QString>("file");
        const QStringList files = lessonFiles();
        QVERIFY(files.size() >= 6);
        for (const QString& f : files)
            QTest::newRow(qPrintable(QFileInfo(f).dir().dirName())) << f;
    }
    void everyLessonFailsFromItsStartAndPassesWithItsSolution() {
        QFETCH(QString, file);
        const lessons::Lesson lesson = lessons::loadLesson(file.toStdString());
        QVERIFY(!lesson.title.empty());
        int tasks = 0;
        for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
            if (!lesson.steps[i].task) continue;
            ++tasks;
            const auto start =
                lessons::checkDesign(lesson, i, model::loadScenarioFile(lesson.startingDesign(i)));
            QVERIFY2(!start.passed, qPrintable(QString("step %1's start passes").arg(i + 1)));
            const auto solved = lessons::checkDesign(
                lesson, i, model::loadScenarioFile(lesson.steps[i].task->solution));
            for (const auto& c : solved.checks)
                if (!c.passed) qWarning("%s", c.message.c_str());
            QVERIFY2(solved.passed, qPrintable(QString("step %1's solution fails").arg(i + 1)));
            QVERIFY(!lesson.steps[i].task->hints.empty());
        }
        QVERIFY(tasks > 0);
    }

    void checksSayWhatFailedAndByHowMuch() {
        lessons::Task task;
        task.checks = {{lessons::Check::Kind::Below, "end_to_end/latency_ms/p99", 100},
                       {lessons::Check::Kind::DropsBy, "components/db/arrivals", 0.8},
                       {lessons::Check::Kind::AtLeast, "components/nobody/arrivals", 1},
                       {lessons::Check::Kind::Below, "end_to_end/error_rate", 0.01},
                       {lessons::Check::Kind::AtMost, "components/mobile/failed", 30}};
        const model::Json report = {
            {"end_to_end", {{"latency_ms", {{"p99", 142.5}}}, {"error_rate", 0.15263}}},
            {"components",
             {{"db", {{"type", "database"}, {"arrivals", 500}}},
              {"mobile", {{"type", "client"}, {"failed", 4990}}}}}};
        const model::Json start = {{"components", {{"db", {{"arrivals", 1000}}}}}};
        model::Scenario design;
        design.components = {component("db", "database", "Orders DB"),
                             component("mobile", "client")};
        const auto r = lessons::judge(task, report, &start, &design);
        QVERIFY(!r.passed);
        QCOMPARE(QString::fromStdString(r.checks[0].message),
                 QStringLiteral("p99 latency is 142 ms; needs below 100 ms (42.5 ms too high)"));
        QCOMPARE(QString::fromStdString(r.checks[1].message),
                 QStringLiteral("calls reaching Orders DB fell 50% (from 1,000 to 500); needs to "
                                "fall by at least 80%"));
        QVERIFY(!r.checks[1].passed);
        QCOMPARE(r.checks[1].baseline, 1000.0);
        QCOMPARE(QString::fromStdString(r.checks[2].message),
                 QStringLiteral("the design has no component “nobody” (the check reads "
                                "components/nobody/arrivals)"));
        QCOMPARE(QString::fromStdString(r.checks[3].message),
                 QStringLiteral("error rate is 15.3%; needs below 1%"));
        QCOMPARE(r.checks[3].measured, 0.15263); // the machine field keeps the raw figure
        // A component of a kind that does not report the figure says what it is.
        lessons::Task sagas;
        sagas.checks = {{lessons::Check::Kind::AtMost, "components/db/sagas/stuck", 0}};
        QCOMPARE(QString::fromStdString(
                     lessons::judge(sagas, report, nullptr, &design).checks[0].message),
                 QStringLiteral("Orders DB, a database, reports no sagas stuck at Orders DB "
                                "(needing manual repair) (components/db/sagas/stuck)"));
        QCOMPARE(QString::fromStdString(r.checks[4].message),
                 QStringLiteral("mobile's failed requests are 4,990; needs at most 30 (4,960 too "
                                "many)"));
    }

    void figuresAreNamedWithTheirUnits_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mean latency")
            << "end_to_end/latency_ms/mean" << 821.8 << "mean latency: 822 ms";
        QTest::newRow("throughput")
            << "end_to_end/throughput_rps" << 2912.4 << "throughput: 2,912 req/s";
        QTest::newRow("cause") << "end_to_end/errors_by_cause/partitioned" << 12.0
                               << "failures from a network partition: 12";
        QTest::newRow("client latency")
            << "components/mobile/latency_ms/p99" << 88.06 << "p99 latency for mobile: 88.1 ms";
        QTest::newRow("service latency") << "components/api/latency_ms/p95" << 3.14159
                                         << "p95 time spent in API server: 3.14 ms";
        QTest::newRow("utilisation")
            << "components/api/utilization" << 0.9 << "API server's utilisation: 90%";
        QTest::newRow("hit ratio")
            << "components/cache/hit_ratio" << 0.4123 << "cache's hit ratio: 41.2%";
        QTest::newRow("hit age") << "components/cache/hit_age_s/max" << 29.96
                                 << "maximum age of what cache served from its cache: 30 s";
        QTest::newRow("instances")
            << "components/api/instances/max" << 6.0 << "most instances of API server: 6";
        QTest::newRow("hottest shard") << "components/db/shards/hottest_share" << 0.61
                                       << "the hottest shard's share of the requests to db: 61%";
        QTest::newRow("consumer group")
            << "components/events/queue/groups/projector/backlog" << 12345.0
            << "projector's backlog in events at the end: 12,345";
        QTest::newRow("saga") << "components/orders/sagas/stuck" << 0.0
                              << "sagas stuck at orders (needing manual repair): 0";
        QTest::newRow("saga compensated") << "components/orders/sagas/compensated" << 3.0
                                          << "sagas compensated (undone) by orders: 3";
        QTest::newRow("breaker") << "breakers/api->db/time_open_s" << 0.09155
                                 << "time the breaker on API server → db was open: 0.092 s";
        QTest::newRow("link") << "links/api->db/amplification" << 2.71
                              << "retry amplification on API server → db: 2.71×";
        QTest::newRow("rto") << "replication_groups/0/failovers/0/rto_s" << 8.0
                             << "recovery time (RTO) of the failover: 8 s";
        QTest::newRow("rpo") << "replication_groups/0/failovers/0/rpo_writes" << 17.0
                             << "writes lost in the failover (RPO): 17";
        QTest::newRow("second group") << "replication_groups/1/lost_writes" << 940.0
                                      << "acknowledged writes lost (replication group 2): 940";
        QTest::newRow("unknown, in ms")
            << "components/api/some_new_ms" << 0.5 << "API server's some new ms: 0.5 ms";
        QTest::newRow("tiny share") << "end_to_end/error_rate" << 0.000123 << "error rate: 0.012%";
    }
    void figuresAreNamedWithTheirUnits() {
        QFETCH(QString, path);
        QFETCH(double, value);
        QFETCH(QString, expected);
        const model::Json report = {{"components", {{"mobile", {{"type", "client"}}}}}};
        model::Scenario design;
        design.components = {component("api", "service", "API server"),
                             component("mobile", "client")};
        const lessons::FigureNames names(report, &design);
        const lessons::FigureName f = names.name(path.toStdString());
        QCOMPARE(QString::fromStdString(f.name + ": " + lessons::withUnit(value, f.unit)),
                 expected);
    }

    void aLabelNamesTheFigure() {
        lessons::Task task;
        task.checks = {{lessons::Check::Kind::Below, "components/q/queue/stored", 10}};
        task.checks[0].label = "orders waiting to ship";
        const model::Json report = {{"components", {{"q", {{"queue", {{"stored", 25}}}}}}}};
        const auto r = lessons::judge(task, report, nullptr);
        QCOMPARE(QString::fromStdString(r.checks[0].message),
                 QStringLiteral("orders waiting to ship are 25; needs below 10 (15 too many)"));
    }

    void aBreakerThatWaitsTooLongFailsTheRecoveryCheck() {
        // The trial's design: the breaker enabled with its defaults (60 s open). It opens in
        // time and cuts payments' load, but stays open past the fault's end (60 s) to the end
        // of the run: shoppers get only errors. Exactly the recovery check fails.
        const lessons::Lesson lesson =
            lessons::loadLesson(SDLAB_LESSONS_DIR "/circuit-breaker/lesson.json");
        model::Scenario design = model::loadScenarioFile(lesson.startingDesign(0));
        model::LinkSpec* link = nullptr;
        for (auto& l : design.links)
            if (l.from == "checkout" && l.to == "payments") link = &l;
        QVERIFY(link);
        link->params["circuit_breaker"] = {
            {"window_type", "count"}, {"window", 100},
            {"minimum_calls", 100},   {"failure_rate_threshold", 0.5},
            {"slow_call_ms", 0},      {"slow_call_rate_threshold", 1},
            {"wait_open_s", 60},      {"half_open_calls", 10},
            {"fallback", false}};
        const auto r = lessons::checkDesign(lesson, 0, design);
        QVERIFY(!r.passed);
        QCOMPARE(r.checks.size(), std::size_t(3));
        for (const auto& c : r.checks)
            qInfo("%s %s", c.passed ? "pass" : "FAIL", c.message.c_str());
        QVERIFY(r.checks[0].passed && r.checks[1].passed);
        QCOMPARE(r.checks[2].check.kind, lessons::Check::Kind::ClosesWithin);
        QVERIFY(!r.checks[2].passed);
        QVERIFY(std::isnan(r.checks[2].measured));
        QVERIFY2(QString::fromStdString(r.checks[2].message)
                     .startsWith("the breaker on Checkout → Payments never closed again after "
                                 "60 s"),
                 r.checks[2].message.c_str());
        // 5 s open, otherwise the same: trial calls find payments healthy just after 60 s.
        link->params["circuit_breaker"]["wait_open_s"] = 5;
        const auto fixed = lessons::checkDesign(lesson, 0, design);
        QVERIFY(fixed.checks[2].passed);
        QVERIFY(fixed.checks[2].measured >= 0 && fixed.checks[2].measured < 1);
    }

    void badLessonsNameTheStepAndField_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        const QString design = R"("design": "d.json")";
        QTest::newRow("no steps") << R"({"id": "x", "title": "X", "steps": []})"
                                  << "steps";
        QTest::newRow("unknown check word")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "d.json",
                        "checks": [{"metric": "end_to_end/error_rate", "under": 1}]}}]})")
                   .arg(design)
            << "steps[0].task.checks[0]";
        QTest::newRow("missing solution file")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "nope.json",
                        "checks": [{"metric": "end_to_end/error_rate", "below": 1}]}}]})")
                   .arg(design)
            << "steps[0].task.solution";
        QTest::newRow("first step without a design")
            << R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t"}]})"
            << "steps[0].design";
        QTest::newRow("empty label")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "d.json",
                        "checks": [{"metric": "end_to_end/error_rate", "below": 1,
                                    "label": ""}]}}]})")
                   .arg(design)
            << "steps[0].task.checks[0].label";
        QTest::newRow("label not text")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "d.json",
                        "checks": [{"metric": "end_to_end/error_rate", "below": 1,
                                    "label": 3}]}}]})")
                   .arg(design)
            << "steps[0].task.checks[0].label";
        QTest::newRow("closes_within_s without after_s")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "d.json",
                        "checks": [{"breaker": "c->s", "closes_within_s": 5}]}}]})")
                   .arg(design)
            << "steps[0].task.checks[0].after_s";
    }
    void badLessonsNameTheStepAndField() {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QTemporaryDir dir;
        std::ofstream(dir.filePath("d.json").toStdString())
            << R"({"version": 1, "components": [{"id": "c", "type": "client"},
                   {"id": "s", "type": "service"}], "links": [{"from": "c", "to": "s"}]})";
        std::ofstream(dir.filePath("lesson.json").toStdString()) << text.toStdString();
        try {
            lessons::loadLesson(dir.filePath("lesson.json").toStdString());
            QFAIL("accepted");
        } catch (const model::ScenarioError& e) {
            QCOMPARE(QString::fromStdString(e.path()), path);
            QVERIFY(e.line() > 0);
        }
    }
};

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
