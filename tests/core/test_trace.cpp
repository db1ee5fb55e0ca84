// Following one request: its spans nest by who called whom and add up to its latency
// exactly; retries are spans of their own, a call given up on stays open until the callee
// ends, and a fan-out's branches hang under the component that fanned out.
#include "components/build_simulation.h"
#include "support/scenario_runs.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

/// users → a (2 ms) → b (3 ms), links 1 ms and 0.5 ms, all fixed.
Json chain(const Json& abLink = Json::object(), const Json& bParams = Json::object()) {
    Json s = test::scenario(10, 0);
    test::addComponent(s, "users", "client",
                       {{"rps", 10}, {"arrival", "constant"}, {"read_ratio", 1.0}});
    test::addComponent(s, "a", "service", {{"service_time", test::deterministicMs(2)}});
    Json b = {{"service_time", test::deterministicMs(3)}};
    b.update(bParams);
    test::addComponent(s, "b", "service", b);
    test::addLink(s, "users", "a", {{"latency_ms", 1}});
    Json link = {{"latency_ms", 0.5}};
    link.update(abLink);
    test::addLink(s, "a", "b", link);
    return s;
}

/// Runs `s` for a second, follows the next request, runs until it is done.
std::vector<sim::Span> traceOne(const Json& s) {
    const model::Scenario scenario = model::parseScenario(s.dump());
    auto sim = components::buildSimulation(scenario);
    sim->start();
    sim->runUntil(1);
    sim->traceNextRequest();
    sim->runUntil(5);
    if (!sim->trace() || !sim->trace()->complete()) return {};
    return sim->trace()->spans();
}

double ms(double seconds) {
    return seconds * 1000;
}

} // namespace

class TestTrace : public QObject {
    Q_OBJECT
private slots:
    void spansNestAndAddUpToTheLatency() {
        const auto spans = traceOne(chain());
        QCOMPARE(spans.size(), std::size_t(3));
        const auto &root = spans[0], &a = spans[1], &b = spans[2];
        QCOMPARE(root.parent, -1);
        QCOMPARE(a.parent, 0);
        QCOMPARE(b.parent, 1);
        QVERIFY(root.ok && a.ok && b.ok);
        // 1 + (2 + 0.5 + 3 + 0.5) + 1 = 8 ms end to end; a holds 6 of them, b 3.
        QVERIFY(std::abs(ms(root.end - root.start) - 8) < 1e-9);
        QVERIFY(std::abs(ms(a.start - root.start) - 1) < 1e-9);
        QVERIFY(std::abs(ms(a.end - a.start) - 6) < 1e-9);
        QVERIFY(std::abs(ms(b.start - a.start) - 2.5) < 1e-9);
        QVERIFY(std::abs(ms(b.end - b.start) - 3) < 1e-9);
        QVERIFY(std::abs(ms(root.end - a.end) - 1) < 1e-9);
    }

    void retriesAreSpansOfTheirOwn() {
        Json s = chain({{"retries", {{"max_attempts", 3}, {"base_ms", 1}, {"jitter", "none"}}}});
        s["faults"] = Json::array({{{"kind", "errors"}, {"target", "b"}, {"rate", 1.0}}});
        const auto spans = traceOne(s);
        QCOMPARE(spans.size(), std::size_t(5)); // users, a, b ×3
        for (int attempt = 1; attempt <= 3; ++attempt) {
            const auto& b = spans[std::size_t(attempt + 1)];
            QCOMPARE(b.attempt, attempt);
            QCOMPARE(b.parent, 1);
            QVERIFY(!b.ok);
            QCOMPARE(int(b.outcome), int(sim::Outcome::Injected));
        }
        QVERIFY(!spans[0].ok);
        QCOMPARE(int(spans[0].outcome), int(sim::Outcome::Injected));
    }

    void aCallGivenUpOnStaysOpenUntilTheCalleeEnds() {
        // b takes 3 ms but a waits 1.5 ms at most (after 0.5 ms on the way): abandoned at
        // a + 2 + 1.5, b itself ends at a + 2 + 0.5 + 3.
        const auto spans = traceOne(chain({{"timeout_ms", 1.5}}));
        QCOMPARE(spans.size(), std::size_t(3));
        const auto &a = spans[1], &b = spans[2];
        QVERIFY(std::abs(ms(b.abandoned - a.start) - 3.5) < 1e-9);
        QVERIFY(std::abs(ms(b.end - a.start) - 5.5) < 1e-9);
        QVERIFY(b.ok); // its work succeeded, for nobody
        QVERIFY(!a.ok);
        QCOMPARE(int(a.outcome), int(sim::Outcome::Timeout));
    }

    void fanOutBranchesHangUnderTheCaller() {
        Json s = chain();
        s["components"][1]["calls"] = "parallel";
        test::addComponent(s, "c", "service", {{"service_time", test::deterministicMs(1)}});
        test::addLink(s, "a", "c", {{"latency_ms", 0.5}});
        const auto spans = traceOne(s);
        QCOMPARE(spans.size(), std::size_t(4));
        QCOMPARE(spans[2].parent, 1);
        QCOMPARE(spans[3].parent, 1);
        // a waits for the slower branch: 2 + 0.5 + 3 + 0.5 = 6 ms.
        QVERIFY(std::abs(ms(spans[1].end - spans[1].start) - 6) < 1e-9);
    }
};

QTEST_MAIN(TestTrace)
#include "test_trace.moc"
