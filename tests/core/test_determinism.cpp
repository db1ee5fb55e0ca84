// Reproducibility: same scenario and seed give the same report, bit for bit; each component
// draws from its own stream, so adding one never changes another's numbers; the calendar
// fires equal-time events in the order they were scheduled.
#include "sim/event_calendar.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"
#include "support/scenario_runs.h"

#include <QTest>
#include <set>
#include <tuple>

using namespace sdlab;
using test::Json;

namespace {

Json twoServices(bool withSecondPath, std::uint64_t seed = 1) {
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
    void sameSeedSameReport() {
        const auto text = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
        QCOMPARE(run::runScenario(text).dump(), run::runScenario(text).dump());
    }

    void otherSeedOtherReport() {
        QVERIFY(test::run(twoServices(false, 1)).dump() != test::run(twoServices(false, 2)).dump());
    }

    void addingAComponentLeavesOthersAlone() {
        const Json alone = test::run(twoServices(false));
        const Json withNeighbour = test::run(twoServices(true));
        QCOMPARE(withNeighbour["components"]["a"].dump(), alone["components"]["a"].dump());
        QCOMPARE(withNeighbour["components"]["c1"].dump(), alone["components"]["c1"].dump());
        QVERIFY(withNeighbour["components"]["b"]["arrivals"].get<int>() > 0);
    }

    void calendarMatchesAReferenceOrder() {
        // Random interleavings of push, peek and pop, with many exact ties, growing past the
        // small/radix switch and shrinking back, and pushes earlier than a peeked event.
        sim::EventCalendar calendar;
        std::set<std::tuple<double, std::uint32_t>> reference; // (time, push number)
        auto rng = sim::makeStream(5, "calendar");
        std::uint32_t pushed = 0;
        double now = 0;
        for (int step = 0; step < 200000; ++step) {
            const auto r = rng() % 100;
            const bool grow = (step / 5000) % 2 == 0; // alternate phases: fill, then drain
            if (reference.empty() || r < (grow ? 60u : 20u)) {
                // Coarse grid of delays so that equal times are common.
                const double t = now + double(rng() % 50) * 0.125;
                calendar.push(t, sim::EventKind::Timer, 0, pushed);
                reference.emplace(t, pushed++);
            } else if (r < 70) {
                QCOMPARE(calendar.top().payload, std::get<1>(*reference.begin()));
            } else {
                const sim::Event e = calendar.pop();
                QCOMPARE(e.payload, std::get<1>(*reference.begin()));
                QCOMPARE(e.time, std::get<0>(*reference.begin()));
                now = e.time;
                reference.erase(reference.begin());
            }
            QCOMPARE(calendar.size(), reference.size());
        }
    }

    void zeroTimeLoopIsReportedNotHung() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client",
                           {{"mode", "closed"}, {"think_time", test::deterministicMs(0)}});
        test::addComponent(s, "server", "service",
                           {{"workers", 1}, {"service_time", test::deterministicMs(0)}});
        test::addLink(s, "users", "server");
        bool stuck = false;
        try {
            test::run(s);
        } catch (const sim::StuckError&) {
            stuck = true;
        }
        QVERIFY(stuck);
    }

    void equalTimesFireInScheduleOrder() {
        sim::EventCalendar calendar;
        for (std::uint32_t i = 0; i < 1000; ++i)
            calendar.push(double(i % 7), sim::EventKind::Timer, 0, i);
        double lastTime = -1;
        std::uint32_t lastPayload = 0;
        while (!calendar.empty()) {
            const sim::Event e = calendar.pop();
            if (e.time == lastTime) QVERIFY(e.payload > lastPayload);
            QVERIFY(e.time >= lastTime);
            lastTime = e.time;
            lastPayload = e.payload;
        }
    }
};

QTEST_APPLESS_MAIN(TestDeterminism)
#include "test_determinism.moc"
