// Faults and the mechanisms that answer them: retries against independent transient errors
// (success 1 − pᵏ, load amplified by (1 − pᵏ)/(1 − p)), a timeout bounding latency and
// failing exactly the share the response-time distribution predicts, crashes and recovery,
// and every failure counted under its cause.
#include "components/build_simulation.h"
#include "model/scenario_error.h"
#include "support/scenario_runs.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace sdlab;
using test::Json;

namespace {

/// Clients → one service (a fast 1 ms server), with `link` settings and `faults`.
Json clientToService(const Json& link, const Json& faults, double duration = 200) {
    Json s = test::scenario(duration, 10, 8);
    test::addComponent(s, "users", "client", {{"rps", 500}, {"read_ratio", 1.0}});
    test::addComponent(s, "api", "service",
                       {{"workers", 16}, {"service_time", test::exponentialMs(1)}});
    test::addLink(s, "users", "api", link);
    s["faults"] = faults;
    return s;
}

/// Users at `rps` (evenly spaced) → a load balancer with `lb` settings → 1 ms servers named
/// `servers`, each linked from the balancer.
Json balanced(double duration, double rps, const Json& lb,
              const std::vector<std::string>& servers) {
    Json s = test::scenario(duration, 0, 6);
    test::addComponent(s, "users", "client", {{"rps", rps}, {"arrival", "constant"}});
    test::addComponent(s, "lb", "load_balancer", lb);
    test::addLink(s, "users", "lb");
    for (const auto& id : servers) {
        test::addComponent(s, id, "service", {{"service_time", test::deterministicMs(1)}});
        test::addLink(s, "lb", id);
    }
    return s;
}

double successRate(const Json& r) {
    const auto& e = r["end_to_end"];
    return e["completed"].get<double>() /
           (e["completed"].get<double>() + e["failed"].get<double>());
}

} // namespace

class TestResilience : public QObject {
    Q_OBJECT
private slots:
    void retriesAgainstTransientErrors_data() {
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("attempts");
        QTest::newRow("p=0.3, no retries") << 0.3 << 1;
        QTest::newRow("p=0.3, 3 attempts") << 0.3 << 3;
        QTest::newRow("p=0.5, 4 attempts") << 0.5 << 4;
    }
    void retriesAgainstTransientErrors() {
        QFETCH(double, p);
        QFETCH(int, attempts);
        const Json link = {
            {"retries", {{"max_attempts", attempts}, {"base_ms", 1}, {"jitter", "none"}}}};
        const Json r = test::run(clientToService(
            link, Json::array({{{"kind", "errors"}, {"target", "api"}, {"rate", p}}})));
        const double expected = 1 - std::pow(p, attempts);
        qInfo("success %.4f, theory 1 - p^k = %.4f", successRate(r), expected);
        QVERIFY(std::abs(successRate(r) - expected) < 0.005);
        // Each request makes (1 - p^k) / (1 - p) attempts on average, and the link says so.
        const double linkAmplification = r["links"]["users->api"]["amplification"].get<double>();
        QVERIFY(std::abs(linkAmplification - expected / (1 - p)) < 0.01);
        const double amplification = r["components"]["api"]["arrivals"].get<double>() /
                                     r["end_to_end"]["sent"].get<double>();
        QVERIFY2(std::abs(amplification - expected / (1 - p)) < 0.01,
                 qPrintable(QString::number(amplification)));
        QCOMPARE(r["end_to_end"]["errors_by_cause"]["injected"].get<double>(),
                 r["end_to_end"]["failed"].get<double>());
    }

    void timeoutBoundsLatencyAndFailsTheTail() {
        // M/M/1 at ρ = 0.8 (response ~ Exp(μ − λ) = Exp(20/s)); the caller gives up at 100 ms.
        const double timeout = 0.100;
        Json s = test::singleStation(80, 1, test::exponentialMs(10), 40000, 1000);
        s["links"][0]["timeout_ms"] = 1000 * timeout;
        const Json r = test::run(s);
        const auto& e = r["end_to_end"];
        QVERIFY(e["latency_ms"]["max"].get<double>() <= 1000 * timeout + 1e-6);
        const double timedOut = e["errors_by_cause"]["timeout"].get<double>() /
                                (e["completed"].get<double>() + e["failed"].get<double>());
        const double theory = std::exp(-(100.0 - 80.0) * timeout);
        qInfo("timed out %.4f, theory P(T > %.0f ms) = %.4f", timedOut, 1000 * timeout, theory);
        QVERIFY(std::abs(timedOut - theory) < 0.01);
        // The server still did that work: its answers arrived to nobody.
        QVERIFY(std::abs(e["wasted_answers"].get<double>() -
                         e["errors_by_cause"]["timeout"].get<double>()) <
                0.01 * e["wasted_answers"].get<double>() + 5);
    }

    void crashFailsCallsUntilRecovery() {
        const Json faults =
            Json::array({{{"kind", "crash"}, {"target", "api"}, {"at_s", 50}, {"duration_s", 20}}});
        const Json r = test::run(clientToService(Json::object(), faults));
        const auto& e = r["end_to_end"];
        const double crashed = e["errors_by_cause"]["crashed"].get<double>();
        // 20 s of 500 req/s refused, everything else answered.
        QVERIFY2(std::abs(crashed - 20 * 500) < 5 * std::sqrt(20 * 500.0),
                 qPrintable(QString::number(crashed)));
        QCOMPARE(e["failed"].get<double>(), crashed);
        QVERIFY(e["completed"].get<double>() > 170 * 500 * 0.97);
    }

    void retriesRideOutAShortCrash() {
        // A 2-second crash; 8 attempts whose (fully jittered) backoffs add up to well past it.
        const Json faults =
            Json::array({{{"kind", "crash"}, {"target", "api"}, {"at_s", 50}, {"duration_s", 2}}});
        const Json link = {
            {"retries",
             {{"max_attempts", 8}, {"base_ms", 100}, {"multiplier", 2}, {"max_ms", 4000}}}};
        const Json without = test::run(clientToService(Json::object(), faults));
        const Json with = test::run(clientToService(link, faults));
        qInfo("failed without retries %g, with %g", without["end_to_end"]["failed"].get<double>(),
              with["end_to_end"]["failed"].get<double>());
        QVERIFY(with["end_to_end"]["failed"].get<double>() <
                0.2 * without["end_to_end"]["failed"].get<double>());
        QVERIFY(with["end_to_end"]["retries"].get<double>() > 500);
    }

    void slowFaultMultipliesServiceTime() {
        const Json faults = Json::array({{{"kind", "slow"}, {"target", "api"}, {"factor", 5}}});
        const Json r = test::run(clientToService(Json::object(), faults));
        // 16 workers, 500 req/s × 5 ms: no queueing to speak of, the mean is the service time.
        QVERIFY(std::abs(r["components"]["api"]["latency_ms"]["mean"].get<double>() - 5.0) < 0.1);
    }

    void breakerFollowsTheDocumentedSequence() {
        // 10 calls/s, evenly spaced, to a 1 ms server that fails every call from 10 s to 20 s.
        // Window: the last 10 calls, judged once 10 are in, opening at a 50% failure rate;
        // 5.05 s open (so that no call coincides with the change), then 3 trial calls.
        Json s = test::scenario(30, 0, 1);
        test::addComponent(s, "users", "client",
                           {{"rps", 10}, {"arrival", "constant"}, {"read_ratio", 1.0}});
        test::addComponent(s, "api", "service",
                           {{"workers", 1}, {"service_time", test::deterministicMs(1)}});
        test::addLink(s, "users", "api",
                      {{"circuit_breaker",
                        {{"window_type", "count"},
                         {"window", 10},
                         {"minimum_calls", 10},
                         {"failure_rate_threshold", 0.5},
                         {"wait_open_s", 5.05},
                         {"half_open_calls", 3}}}});
        s["faults"] = Json::array({{{"kind", "errors"},
                                    {"target", "api"},
                                    {"rate", 1.0},
                                    {"at_s", 10},
                                    {"duration_s", 10}}});
        const Json r = test::run(s);
        const Json& transitions = r["breakers"]["users->api"]["transitions"];
        // Fails from the call at 10.1 s; the 5th failure (10.5 s) makes 5 of the last 10: OPEN.
        // HALF_OPEN 5.05 s later; three failing trials (15.6–15.8 s) re-open it; HALF_OPEN at
        // 20.85 s, after the fault; three good trials, the last done at 21.1 s + 1 ms: CLOSED.
        const std::vector<std::pair<double, std::string>> expected = {
            {0, "CLOSED"},  {10.5, "OPEN"},       {15.55, "HALF_OPEN"},
            {15.8, "OPEN"}, {20.85, "HALF_OPEN"}, {21.101, "CLOSED"}};
        QCOMPARE(transitions.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(QString::fromStdString(transitions[i][1].get<std::string>()),
                     QString::fromStdString(expected[i].second));
            QVERIFY2(std::abs(transitions[i][0].get<double>() - expected[i].first) < 1e-3,
                     qPrintable(QString::fromStdString(transitions[i].dump())));
        }
        // Refused without a call: about 50 calls in each 5-second open spell.
        const double refused = r["end_to_end"]["errors_by_cause"]["breaker_open"].get<double>();
        QVERIFY2(std::abs(refused - 100) <= 2, qPrintable(QString::number(refused)));
        QVERIFY(std::abs(r["breakers"]["users->api"]["time_open_s"].get<double>() - 10.1) < 0.01);
        // The breaker spared the server those calls.
        QCOMPARE(r["components"]["api"]["arrivals"].get<double>() + refused,
                 r["end_to_end"]["sent"].get<double>());
        // The server's own report: it failed every call that reached it during the fault.
        const auto& api = r["components"]["api"];
        QCOMPARE(api["failed"].get<double>(), api["errors_by_cause"]["injected"].get<double>());
        QCOMPARE(api["failed"].get<double>(), r["end_to_end"]["failed"].get<double>() - refused);
        QVERIFY(std::abs(api["availability"].get<double>() -
                         (1 - api["failed"].get<double>() / api["arrivals"].get<double>())) < 1e-6);

        // With a fallback the refused calls become degraded successes; the breaker's own
        // timeline is unchanged, as it never saw them.
        s["links"][0]["circuit_breaker"]["fallback"] = true;
        const Json withFallback = test::run(s);
        const auto& b = withFallback["breakers"]["users->api"];
        QVERIFY(b["transitions"] == transitions);
        QCOMPARE(b["fallbacks"].get<double>(), refused);
        QCOMPARE(withFallback["end_to_end"]["errors_by_cause"]["breaker_open"].get<double>(), 0.0);
        QCOMPARE(withFallback["end_to_end"]["failed"].get<double>(),
                 r["end_to_end"]["failed"].get<double>() - refused);
    }

    void retryBudgetCapsAmplificationInAnOutage() {
        // A hard outage: every call fails. Five attempts each would quintuple the load on
        // the failing service; a budget of 0.2 retries per request holds it near 1.2×.
        const Json outage = Json::array({{{"kind", "errors"}, {"target", "api"}, {"rate", 1.0}}});
        auto amplification = [&](double budget) {
            const Json link = {
                {"retries", {{"max_attempts", 5}, {"base_ms", 1}, {"budget_ratio", budget}}}};
            const Json r = test::run(clientToService(link, outage, 60));
            return r["components"]["api"]["arrivals"].get<double>() /
                   r["end_to_end"]["sent"].get<double>();
        };
        const double unbounded = amplification(0), budgeted = amplification(0.2);
        qInfo("attempts per request: no budget %.3f, budget 0.2 %.3f", unbounded, budgeted);
        QVERIFY(std::abs(unbounded - 5) < 0.01);
        QVERIFY(std::abs(budgeted - 1.2) < 0.01);
    }

    void partitionFailsCallsAcrossTheCut() {
        const Json cut = Json::array({{{"kind", "partition"},
                                       {"target", "users"},
                                       {"peer", "api"},
                                       {"at_s", 50},
                                       {"duration_s", 10}}});
        const Json r = test::run(clientToService(Json::object(), cut));
        const double partitioned = r["end_to_end"]["errors_by_cause"]["partitioned"].get<double>();
        QVERIFY2(std::abs(partitioned - 5000) < 5 * std::sqrt(5000.0),
                 qPrintable(QString::number(partitioned)));
        QCOMPARE(r["end_to_end"]["failed"].get<double>(), partitioned);
    }

    void cacheFlushEmptiesTheCache() {
        auto dbReads = [](bool flush) {
            Json s = test::scenario(60, 10, 4);
            test::addComponent(s, "users", "client",
                               {{"rps", 2000}, {"read_ratio", 1.0}, {"keys", 1000}, {"zipf", 1.0}});
            test::addComponent(s, "cache", "cache", {{"capacity", 500}});
            test::addComponent(s, "db", "database", {{"connections", 100}});
            test::addLink(s, "users", "cache");
            test::addLink(s, "cache", "db");
            if (flush)
                s["faults"] =
                    Json::array({{{"kind", "cache_flush"}, {"target", "cache"}, {"at_s", 30}}});
            return test::run(s)["components"]["db"]["arrivals"].get<double>();
        };
        // Refilling costs at most one extra miss per entry held (500); an LRU cache at this
        // size churns anyway, so fewer, but clearly some.
        const double extra = dbReads(true) - dbReads(false);
        qInfo("extra database reads after the flush: %.0f", extra);
        QVERIFY(extra > 100 && extra <= 500);
    }

    void bulkheadCapsCallsInFlight() {
        // A dependency turned slow (×20: 20 ms calls at 500/s would need 10 in flight); a
        // bulkhead of 4 keeps at most 4 in flight and fails the rest at once.
        const Json slow = Json::array({{{"kind", "slow"}, {"target", "api"}, {"factor", 20}}});
        const Json r = test::run(clientToService({{"bulkhead", 4}}, slow, 60));
        const auto& api = r["components"]["api"];
        QVERIFY(api["mean_in_component"].get<double>() <= 4.0);
        const double full = r["end_to_end"]["errors_by_cause"]["bulkhead_full"].get<double>();
        QVERIFY(full > 0.4 * r["end_to_end"]["sent"].get<double>());
        QCOMPARE(r["end_to_end"]["failed"].get<double>(), full);
        // At most 4 in flight means at most 4 / 20 ms = 200 calls/s get through.
        QVERIFY(api["throughput_rps"].get<double>() <= 200);
    }

    void healthChecksTakeACrashedTargetOutOfRotation() {
        // Round robin over three servers; s2 crashes at 10.05 s for 20 s. Checks every second
        // need 3 failures to take it out (at 13 s: detected 2.95 s after the crash) and 2
        // passes to bring it back (at 32 s).
        auto run = [](double interval) {
            Json s = balanced(60, 300,
                              {{"health_check_interval_s", interval},
                               {"unhealthy_threshold", 3},
                               {"healthy_threshold", 2}},
                              {"s1", "s2", "s3"});
            s["faults"] = Json::array(
                {{{"kind", "crash"}, {"target", "s2"}, {"at_s", 10.05}, {"duration_s", 20}}});
            return test::run(s);
        };
        const Json checked = run(1.0), unchecked = run(0);
        const Json& health = checked["components"]["lb"]["health"]["s2"];
        QCOMPARE(health.size(), std::size_t(2));
        QCOMPARE(health[0][0].get<double>(), 13.0);
        QCOMPARE(health[0][1].get<std::string>(), std::string("unhealthy"));
        QCOMPARE(health[1][0].get<double>(), 32.0);
        QCOMPARE(health[1][1].get<std::string>(), std::string("healthy"));
        // Failures only until detection: a third of 300 req/s for 2.95 s, instead of 20 s.
        const double withChecks = checked["end_to_end"]["errors_by_cause"]["crashed"].get<double>();
        const double without = unchecked["end_to_end"]["errors_by_cause"]["crashed"].get<double>();
        qInfo("crashed calls: %g with health checks, %g without", withChecks, without);
        QVERIFY(std::abs(withChecks - 295) <= 2);
        QVERIFY(std::abs(without - 2000) <= 2);
    }

    void aCrashDropsTheQueueAtOnce() {
        // 150 req/s at a server that manages 100: some 500 wait by 10 s. The crash fails them
        // all at that instant; only the one in service lingers until its work would end.
        const auto scenario = model::parseScenario(
            test::singleStation(150, 1, test::deterministicMs(10), 30, 0).dump());
        auto sim = components::buildSimulation(scenario);
        sim->start();
        sim->runUntil(10);
        QVERIFY(sim->requestsInFlight() > 400);
        sim::Fault crash;
        crash.targets = {sim::Index(scenario.indexOf("server"))};
        sim->injectFault(crash);
        sim->runUntil(10);
        QVERIFY2(sim->requestsInFlight() <= 1,
                 qPrintable(QString::number(sim->requestsInFlight())));
    }

    void overlappingCrashesAndTheFaultTimeline() {
        // A crash from 10 s to 40 s with a shorter one inside it (20–30 s): the component
        // stays down for all 30 s, and the report lists the four events in time order.
        const Json r = test::run(clientToService(
            Json::object(),
            Json::array({{{"kind", "crash"}, {"target", "api"}, {"at_s", 10}, {"duration_s", 30}},
                         {{"kind", "crash"}, {"target", "api"}, {"at_s", 20}, {"duration_s", 10}}}),
            60));
        const double crashed = r["end_to_end"]["errors_by_cause"]["crashed"].get<double>();
        QVERIFY2(std::abs(crashed - 30 * 500) < 5 * std::sqrt(30 * 500.0),
                 qPrintable(QString::number(crashed)));
        const Json& events = r["fault_events"];
        QCOMPARE(events.size(), std::size_t(4));
        const std::vector<std::pair<double, std::string>> expected = {
            {10, "start"}, {20, "start"}, {30, "end"}, {40, "end"}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(events[i]["t_s"].get<double>(), expected[i].first);
            QCOMPARE(events[i]["event"].get<std::string>(), expected[i].second);
            QCOMPARE(events[i]["kind"].get<std::string>(), std::string("crash"));
            QVERIFY(events[i]["targets"] == Json::array({"api"}));
        }
    }

    void packetLossShowsAsRetransmissionDelay() {
        // A 1 ms service behind a link losing p = 10% of messages each way. TCP resends a lost
        // message after 200 ms, doubling: a message loses k times with probability
        // (1 − p) p^k and is late 0.2 (2^k − 1) s, so the mean delay per message is
        // 0.2 p / (1 − 2p) = 25 ms, and a request is on time when neither way lost: (1 − p)².
        const double p = 0.1;
        Json s = test::scenario(300, 10, 4);
        test::addComponent(s, "users", "client", {{"rps", 200}, {"read_ratio", 1.0}});
        test::addComponent(s, "api", "service",
                           {{"workers", 1000}, {"service_time", test::deterministicMs(1)}});
        test::addLink(s, "users", "api");
        s["faults"] = Json::array(
            {{{"kind", "packet_loss"}, {"target", "users"}, {"peer", "api"}, {"rate", p}}});
        const Json r = test::run(s);
        const auto& e = r["end_to_end"];
        const double mean = e["latency_ms"]["mean"].get<double>();
        const double theory = 1 + 2 * 1000 * 0.2 * p / (1 - 2 * p);
        qInfo("mean latency %.2f ms, theory %.2f ms", mean, theory);
        QVERIFY(std::abs(mean - theory) < 0.05 * theory);
        QVERIFY(std::abs(e["latency_ms"]["p50"].get<double>() - 1) < 0.01);
        QCOMPARE(e["failed"].get<double>(), 0.0); // late, not lost: TCP delivers in the end
        const auto& link = r["links"]["users->api"];
        const double perMessage =
            link["retransmissions"].get<double>() / (2 * link["calls"].get<double>());
        QVERIFY(std::abs(perMessage - p / (1 - p)) < 0.005); // E[k] = p / (1 − p)
    }

    void outlierDetectionEjectsAFailingTarget() {
        // Round robin over four servers at 400 req/s (constant): s2 fails every call from
        // 10 s to 100 s. After 5 failures in a row it is ejected for 30 s; back at ~40 s it fails
        // 5 more and is ejected for 60 s (30 × its ejections so far), past the outage's end:
        // 10 failed calls in all, where without detection a quarter of 36,000 would fail.
        Json s = balanced(120, 400, {{"outlier_consecutive_errors", 5}, {"outlier_ejection_s", 30}},
                          {"s1", "s2", "s3", "s4"});
        s["faults"] = Json::array({{{"kind", "errors"},
                                    {"target", "s2"},
                                    {"rate", 1.0},
                                    {"at_s", 10},
                                    {"duration_s", 90}}});
        const Json r = test::run(s);
        const Json& changes = r["components"]["lb"]["health"]["s2"];
        QCOMPARE(changes.size(), std::size_t(4)); // ejected, returned, ejected, returned
        const double ejectedAt = changes[0][0].get<double>();
        QCOMPARE(changes[0][1].get<std::string>(), std::string("ejected"));
        QVERIFY2(ejectedAt > 10 && ejectedAt < 10.06, qPrintable(QString::number(ejectedAt)));
        QVERIFY(std::abs(changes[1][0].get<double>() - (ejectedAt + 30)) < 1e-6);
        QCOMPARE(changes[1][1].get<std::string>(), std::string("returned"));
        QVERIFY(std::abs(changes[3][0].get<double>() - changes[2][0].get<double>() - 60) < 1e-6);
        QCOMPARE(r["end_to_end"]["errors_by_cause"]["injected"].get<double>(), 10.0);

        // Every target failing: at most half (max_ejected_percent 50) are ever out at once.
        s["faults"][0]["target"] = Json::array({"s1", "s2", "s3", "s4"});
        const Json all = test::run(s);
        int out = 0, most = 0;
        std::vector<std::pair<double, int>> events;
        for (const auto& [name, list] : all["components"]["lb"]["health"].items())
            for (const auto& c : list)
                events.emplace_back(c[0].get<double>(), c[1] == "ejected" ? 1 : -1);
        std::sort(events.begin(), events.end());
        for (const auto& e : events)
            most = std::max(most, out += e.second);
        QCOMPARE(most, 2);
    }

    void standbyTargetServesOnlyWhenActivesAreDown() {
        // Active-passive: the standby gets nothing until the active server's crash is
        // detected (3 checks a second apart), then everything until it is healthy again.
        Json s = balanced(60, 100, {{"health_check_interval_s", 1}, {"unhealthy_threshold", 3}},
                          {"primary", "standby"});
        s["links"][2]["failover_role"] = "standby";
        s["faults"] = Json::array(
            {{{"kind", "crash"}, {"target", "primary"}, {"at_s", 20.05}, {"duration_s", 20}}});
        const Json r = test::run(s);
        // Detected at 23 s, back at 42 s: the standby serves 19 s of traffic.
        const double standby = r["components"]["standby"]["arrivals"].get<double>();
        QVERIFY2(std::abs(standby - 1900) <= 2, qPrintable(QString::number(standby)));
        QVERIFY(std::abs(r["end_to_end"]["failed"].get<double>() - 295) <= 2);
    }

    void faultsInjectedDuringARun() {
        // The live-run API: crash the service from 10 s to 20 s by hand, between runUntil()s.
        const auto scenario =
            model::parseScenario(clientToService(Json::object(), Json::array(), 30).dump());
        auto sim = components::buildSimulation(scenario);
        sim->start();
        sim->runUntil(10);
        sim::Fault crash;
        crash.targets = {sim::Index(scenario.indexOf("api"))};
        const sim::Index id = sim->injectFault(crash);
        sim->runUntil(20);
        sim->clearFault(id);
        sim->runUntil(30);
        const auto& users = sim->component(sim::Index(scenario.indexOf("users"))).counters;
        const auto crashed = users.failedBy[std::size_t(sim::Outcome::Crashed)];
        QVERIFY2(std::abs(double(crashed) - 5000) < 5 * std::sqrt(5000.0),
                 qPrintable(QString::number(crashed)));
        QCOMPARE(users.failed, crashed);
    }

    void aFaultInjectedNowAppliesAtOnce() {
        // The GUI injects while paused: the crash must show before the clock moves, and a
        // restart before it moves must leave the service up (no crash count below zero).
        const auto scenario =
            model::parseScenario(clientToService(Json::object(), Json::array(), 30).dump());
        auto sim = components::buildSimulation(scenario);
        sim->start();
        sim->runUntil(10);
        sim::Fault crash;
        crash.targets = {sim::Index(scenario.indexOf("api"))};
        const auto& api = sim->component(crash.targets[0]);
        const sim::Index id = sim->injectFault(crash);
        QVERIFY(api.faults.down);
        QCOMPARE(sim->faultLog().back().time, 10.0);
        sim->clearFault(id);
        QVERIFY(!api.faults.down);
        QCOMPARE(api.faults.crashes, 0);
        sim->runUntil(20);
        QVERIFY(!api.faults.down);
        QCOMPARE(sim->faultLog().size(), std::size_t(2)); // one start, one end
    }

    void retryStormKeepsARecoveredServiceDown() {
        // Metastable failure: 600 req/s to a service that can do 800. A 10-second slow-down
        // (×3) makes calls time out; every timeout is retried, up to 4 attempts, so the
        // service is offered ~2400 req/s and stays swamped after the slow-down has ended.
        // A retry budget of 0.1 keeps the load under capacity: the backlog drains.
        auto errorRateAfterRecovery = [](double budget) {
            Json s = test::scenario(100, 70, 9); // measured: 70 s to 100 s, long after the fault
            test::addComponent(s, "users", "client", {{"rps", 600}, {"read_ratio", 1.0}});
            test::addComponent(s, "api", "service",
                               {{"workers", 8}, {"service_time", test::exponentialMs(10)}});
            test::addLink(
                s, "users", "api",
                {{"timeout_ms", 100},
                 {"retries", {{"max_attempts", 4}, {"base_ms", 10}, {"budget_ratio", budget}}}});
            s["faults"] = Json::array({{{"kind", "slow"},
                                        {"target", "api"},
                                        {"factor", 3},
                                        {"at_s", 20},
                                        {"duration_s", 10}}});
            const Json r = test::run(s);
            qInfo("budget %.1f: error rate after recovery %.3f, amplification %.2f", budget,
                  r["end_to_end"]["error_rate"].get<double>(),
                  r["links"]["users->api"]["amplification"].get<double>());
            return r["end_to_end"]["error_rate"].get<double>();
        };
        QVERIFY(errorRateAfterRecovery(0) > 0.95);   // the storm outlives its cause
        QVERIFY(errorRateAfterRecovery(0.1) < 0.01); // the budget lets it recover
    }

    void badFaultsAreRefusedWithTheirPath() {
        for (const auto& [fault, path] : std::vector<std::pair<Json, std::string>>{
                 {{{"kind", "meteor"}, {"target", "api"}}, "faults[0].kind"},
                 {{{"kind", "crash"}, {"target", "nope"}}, "faults[0].target"},
                 {{{"kind", "errors"}, {"target", "api"}, {"rate", 1.5}}, "faults[0].rate"},
                 {{{"kind", "zone_outage"}, {"zone", "mars"}}, "faults[0].zone"},
                 {{{"kind", "packet_loss"}, {"target", "api"}, {"rate", 1}}, "faults[0].rate"},
                 {{{"kind", "packet_loss"}, {"target", "api"}, {"peer", "x"}, {"rate", 0.1}},
                  "faults[0].peer"}}) {
            bool refused = false;
            try {
                model::parseScenario(clientToService(Json::object(), Json::array({fault})).dump());
            } catch (const model::ScenarioError& e) {
                refused = e.path() == path;
                if (!refused) qWarning("%s: %s", e.path().c_str(), e.what());
            }
            QVERIFY2(refused, path.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestResilience)
#include "test_resilience.moc"
