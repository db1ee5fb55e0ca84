// The GUI's run driver: step and time-step move the clock by what they say, play follows the
// wall clock at the chosen speed and pause stops it, restart goes back to zero, and what a
// paused run reports is what the headless run to that time reports.
#include "model/scenario_json.h"
#include "run/live_run_controller.h"
#include "run/run_scenario.h"

#include <QSignalSpy>
#include <QTest>

using namespace sdlab;

namespace {

model::Scenario example(const char* name) {
    return model::loadScenarioFile(std::string(SDLAB_EXAMPLES_DIR) + "/" + name);
}

} // namespace

class TestLiveRunController : public QObject {
    Q_OBJECT
private slots:
    void stepsMoveTheClockAsSpecified() {
        widgets::LiveRunController c;
        c.load(example("url-shortener.json"));
        QCOMPARE(c.now(), 0.0);
        QVERIFY(!c.playing());
        c.stepTime();
        QCOMPARE(c.now(), widgets::LiveRunController::kTimeStep);
        const auto events = c.run()->simulation().eventsProcessed();
        c.stepEvent();
        QCOMPARE(c.run()->simulation().eventsProcessed(), events + 1);
        QVERIFY(c.now() >= widgets::LiveRunController::kTimeStep);
    }

    void playFollowsTheWallClockAndPauseStops() {
        widgets::LiveRunController c;
        c.load(example("single-server.json"));
        c.setSpeed(20);
        QSignalSpy advanced(&c, &widgets::LiveRunController::advanced);
        QElapsedTimer wall;
        wall.start();
        c.play();
        QTest::qWait(500);
        c.pause();
        const double expected = 20 * double(wall.elapsed()) / 1000.0;
        qInfo("ran %.2f simulated s in %.2f wall s at 20×", c.now(), wall.elapsed() / 1000.0);
        QVERIFY(c.now() > 0.5 * expected && c.now() <= expected + 0.5);
        QVERIFY(advanced.count() > 5);
        const double paused = c.now();
        QTest::qWait(100);
        QCOMPARE(c.now(), paused);
        c.restart();
        QCOMPARE(c.now(), 0.0);
        QVERIFY(c.rows().empty());
    }

    void aPausedRunReportsWhatTheHeadlessRunDoes() {
        model::Scenario s = example("outage-drill.json");
        widgets::LiveRunController c;
        c.load(s);
        for (int i = 0; i < 37; ++i)
            c.stepTime();
        c.runTo(42.5);
        QCOMPARE(int(c.rows().size()), 42); // a row per simulated second
        s.durationS = 42.5;
        model::Json live = c.run()->report(), headless = run::runScenario(s);
        live.erase("duration_s");
        headless.erase("duration_s");
        QCOMPARE(live.dump(), headless.dump());
    }

    void speedIsClamped() {
        widgets::LiveRunController c;
        c.setSpeed(1e9);
        QCOMPARE(c.speed(), widgets::LiveRunController::kMaxSpeed);
        c.setSpeed(0);
        QCOMPARE(c.speed(), widgets::LiveRunController::kMinSpeed);
    }
};

QTEST_MAIN(TestLiveRunController)
#include "test_live_run_controller.moc"
