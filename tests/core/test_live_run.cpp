// A run that moves in steps (the GUI's play, pause and step) is the headless run: paused at
// t it reports what a run of duration t reports, its chart rows are the same rows, and a
// single step runs exactly one event.
#include "model/scenario_json.h"
#include "run/live_run.h"
#include "run/run_scenario.h"

#include <QTest>

using namespace sdlab;

namespace {

struct Rows : run::SampleSink {
    std::vector<std::vector<double>> rows;
    void begin(const std::vector<std::string>&) override {}
    void row(const std::vector<double>& values) override { rows.push_back(values); }
};

model::Scenario example(const char* name) {
    return model::loadScenarioFile(std::string(SDLAB_EXAMPLES_DIR) + "/" + name);
}

/// The report without the scenario's planned duration (a paused run has not reached it).
model::Json withoutDuration(model::Json report) {
    report.erase("duration_s");
    return report;
}

} // namespace

class TestLiveRun : public QObject {
    Q_OBJECT
private slots:
    void pausedRunReportsWhatTheHeadlessRunDoes_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("url shortener") << "url-shortener.json";
        QTest::newRow("zone failover") << "zone-failover.json";
        QTest::newRow("saga") << "saga-checkout.json";
    }
    void pausedRunReportsWhatTheHeadlessRunDoes() {
        QFETCH(QString, file);
        model::Scenario scenario = example(file.toUtf8().constData());
        const double pauseAt = scenario.warmupS + 23.4;
        Rows steppedRows, headlessRows;
        run::LiveRun live(scenario, &steppedRows);
        for (double t = 0.37; t < pauseAt; t += 0.37) // odd steps, across sample boundaries
            live.advanceTo(t);
        live.advanceTo(pauseAt);
        scenario.durationS = pauseAt;
        const model::Json headless = run::runScenario(scenario, &headlessRows);
        QCOMPARE(withoutDuration(live.report()).dump(), withoutDuration(headless).dump());
        // The same rows, except that the headless run also closes the last part-second.
        QCOMPARE(steppedRows.rows.size() + 1, headlessRows.rows.size());
        headlessRows.rows.pop_back();
        QCOMPARE(steppedRows.rows, headlessRows.rows);
    }

    void aStepRunsOneEvent() {
        run::LiveRun live(example("url-shortener.json"));
        live.advanceTo(1.0);
        const auto before = live.simulation().eventsProcessed();
        const double t = live.now();
        int steps = 0;
        while (live.simulation().eventsProcessed() < before + 1000) {
            QVERIFY(live.stepEvent());
            ++steps;
        }
        QCOMPARE(live.simulation().eventsProcessed(), before + 1000);
        QVERIFY(steps >= 1000); // a step to a sample boundary runs no event
        QVERIFY(live.now() > t);
        // Stepping then running on gives the same report as running straight there.
        live.advanceTo(5.0);
        run::LiveRun straight(example("url-shortener.json"));
        straight.advanceTo(5.0);
        QCOMPARE(live.report().dump(), straight.report().dump());
    }

    void theEndIsTheEnd() {
        model::Scenario s = example("single-server.json");
        s.durationS = 3;
        run::LiveRun live(s);
        live.advanceTo(100);
        QVERIFY(live.finished());
        QCOMPARE(live.now(), 3.0);
        QVERIFY(!live.stepEvent());
    }
};

QTEST_MAIN(TestLiveRun)
#include "test_live_run.moc"
