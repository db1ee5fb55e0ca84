// A run that moves in steps (the GUI's play, pause and step) is the headless run: paused at
// t it reports what a run of duration t reports, its chart rows are the same rows, and a
// single step runs exactly one event.
#include "components/client.h"
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

    // The traffic slider: doubling the rate factor doubles the load from then on, and 0
    // stops it (a client with spare capacity behind it, so throughput follows the load).
    void theRateFactorScalesTheLoadLive() {
        model::Scenario s = example("single-server.json");
        s.components[0].params["rps"] = 40;
        Rows rows;
        run::LiveRun live(s, &rows);
        auto* client = dynamic_cast<components::Client*>(&live.simulation().component(0));
        QVERIFY(client);
        const auto column = [&](const char* name) {
            const auto& cols = live.columns();
            return std::size_t(std::find(cols.begin(), cols.end(), name) - cols.begin());
        };
        const std::size_t throughput = column("throughput_rps"), sent = column("sent");
        const auto mean = [&](std::size_t from, std::size_t to, std::size_t col) {
            double sum = 0;
            for (std::size_t r = from; r < to; ++r)
                sum += rows.rows[r][col];
            return sum / double(to - from);
        };
        live.advanceTo(100);
        client->setRateFactor(2);
        live.advanceTo(200);
        const double ratio = mean(101, 200, throughput) / mean(1, 100, throughput);
        QVERIFY2(ratio > 1.85 && ratio < 2.15, qPrintable(QString::number(ratio)));
        client->setRateFactor(0);
        live.advanceTo(210);
        QCOMPARE(mean(202, 210, sent), 0.0);
        client->setRateFactor(1);
        live.advanceTo(230);
        QVERIFY(mean(212, 230, sent) > 30);
    }

    // errors.<cause> split the interval's failures: they add up to `failed`.
    void errorColumnsAddUpToFailures() {
        Rows rows;
        run::LiveRun live(example("retry-storm.json"), &rows);
        live.advanceTo(live.scenario().durationS);
        const auto& cols = live.columns();
        const auto failed =
            std::size_t(std::find(cols.begin(), cols.end(), "failed") - cols.begin());
        double total = 0;
        for (const auto& row : rows.rows) {
            double byCause = 0;
            for (std::size_t c = 0; c < cols.size(); ++c)
                if (cols[c].rfind("errors.", 0) == 0) byCause += row[c];
            QCOMPARE(byCause, row[failed]);
            total += row[failed];
        }
        QVERIFY(total > 0);
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
