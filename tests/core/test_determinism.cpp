// Reproducibility: same scenario and seed give the same report, bit for bit; each component
// draws from its own stream, so adding one never changes another's numbers; the calendar
// fires equal-time events in the order they were scheduled.
#include "sim/event_calendar.h"
#include "support/scenario_runs.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

Json twoServices(bool withSecondPath, std::uint64_t seed = 1)
{
    Json s = test::scenario(60, 5, seed);
    test::addComponent(s, "c1", "client", {{"rps", 300}, {"zipf", 0.9}});
    test::addComponent(s, "a", "service",
                       {{"workers", 2}, {"service_time", test::exponentialMs(5)}});
    test::addLink(s, "c1", "a", {{"latency_ms", test::exponentialMs(1)}});
    if (withSecondPath) {
        test::addComponent(s, "c2", "client", {{"rps", 500}});
        test::addComponent(s, "b", "service", {{"workers", 1}});
        test::addLink(s, "c2", "b", {{"latency_ms", 2}});
    }
    return s;
}

} // namespace

class TestDeterminism : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameReport()
    {
        const auto text = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
        QCOMPARE(run::runScenario(text).dump(), run::runScenario(text).dump());
    }

    void otherSeedOtherReport()
    {
        QVERIFY(test::run(twoServices(false, 1)).dump() != test::run(twoServices(false, 2)).dump());
    }

    void addingAComponentLeavesOthersAlone()
    {
        const Json alone = test::run(twoServices(false));
        const Json withNeighbour = test::run(twoServices(true));
        QCOMPARE(withNeighbour["components"]["a"].dump(), alone["components"]["a"].dump());
        QCOMPARE(withNeighbour["components"]["c1"].dump(), alone["components"]["c1"].dump());
        QVERIFY(withNeighbour["components"]["b"]["arrivals"].get<int>() > 0);
    }

    void equalTimesFireInScheduleOrder()
    {
        sim::EventCalendar calendar;
        for (std::uint32_t i = 0; i < 1000; ++i)
            calendar.push(double(i % 7), sim::EventKind::Timer, 0, i);
        double lastTime = -1;
        std::uint32_t lastPayload = 0;
        while (!calendar.empty()) {
            const sim::Event e = calendar.pop();
            if (e.time == lastTime)
                QVERIFY(e.payload > lastPayload);
            QVERIFY(e.time >= lastTime);
            lastTime = e.time;
            lastPayload = e.payload;
        }
    }
};

QTEST_APPLESS_MAIN(TestDeterminism)
#include "test_determinism.moc"
