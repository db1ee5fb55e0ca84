// The API gateway: its rate limiters against their definitions (a token bucket admits at
// most capacity + rate·t in any interval of length t, and exactly that when saturated; a
// sliding window never more than its limit in any window), per-client limits isolating a
// quiet client from a noisy one, 429s counted as rate_limited everywhere they are reported,
// routing by request kind, and the response cache.
#include "policies/rate_limiter.h"
#include "support/scenario_runs.h"
#include "support/series_rows.h"

#include <QTest>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <cmath>

using namespace sdlab;
using test::Json;

namespace {

/// Admission times of `limiter` under Poisson arrivals at `rate` for `duration` seconds, in
/// the first half of every 3 s; each period starts with a burst of 500 at once, after the
/// quiet half has let a token bucket fill up (its worst case).
std::vector<double> admissions(policies::RateLimiter& limiter, double rate, double duration) {
    boost::random::mt19937 rng(42);
    boost::random::exponential_distribution<double> gap(rate);
    std::vector<double> admitted;
    for (double period = 0; period < duration; period += 3) {
        for (int i = 0; i < 500; ++i)
            if (limiter.admit(period)) admitted.push_back(period);
        for (double t = period + gap(rng); t < period + 1.5; t += gap(rng))
            if (limiter.admit(t)) admitted.push_back(t);
    }
    return admitted;
}

/// The most admissions in any closed interval [a, a + length] (one starts at an admission).
std::size_t busiestInterval(const std::vector<double>& times, double length) {
    std::size_t best = 0, end = 0;
    for (std::size_t begin = 0; begin < times.size(); ++begin) {
        while (end < times.size() && times[end] <= times[begin] + length)
            ++end;
        best = std::max(best, end - begin);
    }
    return best;
}

/// Clients "noisy" (constant `noisyRps`) and "quiet" (constant 20 req/s) → gateway "gw"
/// with `limit` → a fast service.
Json twoClients(double noisyRps, const Json& limit, double duration = 60) {
    Json s = test::scenario(duration, 0, 5);
    test::addComponent(s, "noisy", "client",
                       {{"rps", noisyRps}, {"arrival", "constant"}, {"read_ratio", 1.0}});
    test::addComponent(s, "quiet", "client",
                       {{"rps", 20}, {"arrival", "constant"}, {"read_ratio", 1.0}});
    test::addComponent(
        s, "gw", "api_gateway",
        {{"workers", 64}, {"service_time", test::deterministicMs(1)}, {"rate_limit", limit}});
    test::addComponent(s, "api", "service",
                       {{"workers", 64}, {"service_time", test::deterministicMs(1)}});
    test::addLink(s, "noisy", "gw");
    test::addLink(s, "quiet", "gw");
    test::addLink(s, "gw", "api");
    return s;
}

double get(const Json& r, const char* component, const char* key) {
    return r["components"][component][key].get<double>();
}

} // namespace

class TestGateway : public QObject {
    Q_OBJECT
private slots:
    void tokenBucketNeverExceedsCapacityPlusRateTimesT() {
        const double capacity = 20, rate = 50;
        policies::TokenBucket bucket(capacity, rate);
        const auto times = admissions(bucket, 200, 60);
        QVERIFY(times.size() > 1500); // it did admit: about C + r·1.5 s a period
        for (double t : {0.0, 0.001, 0.01, 0.05, 0.1, 0.37, 1.0, 2.5, 10.0, 59.0}) {
            const std::size_t most = busiestInterval(times, t);
            qInfo("t = %5.3f s: at most %zu admitted, bound C + r·t = %.2f", t, most,
                  capacity + rate * t);
            QVERIFY(double(most) <= capacity + rate * t + 1e-6);
        }
        // The bound is reached: right after a burst the whole bucket goes at once.
        QCOMPARE(busiestInterval(times, 0.0), std::size_t(capacity));
    }

    void slidingWindowNeverExceedsItsLimit() {
        const std::uint32_t limit = 30;
        const double window = 0.5;
        policies::SlidingWindowLog log(limit, window);
        const auto times = admissions(log, 200, 60);
        // Any window (u − W, u] holds at most `limit`: admission i + limit comes ≥ W after i.
        for (std::size_t i = 0; i + limit < times.size(); ++i)
            QVERIFY2(times[i + limit] - times[i] >= window,
                     qPrintable(QString("%1 admissions within %2 s at t = %3")
                                    .arg(limit + 1)
                                    .arg(times[i + limit] - times[i])
                                    .arg(times[i])));
        QCOMPARE(busiestInterval(times, window * (1 - 1e-9)), std::size_t(limit));
        // Not stricter than it says: arrivals (200/s) come for 30 of the 60 s, and in that
        // time it admits its limit per window.
        const double expected = limit * 30 / window;
        qInfo("admitted %zu, limit per window over 30 s = %.0f", times.size(), expected);
        QVERIFY(std::abs(double(times.size()) - expected) < 0.02 * expected);
    }

    void tokenBucketAdmitsExactlyTheBoundWhenSaturated() {
        // One client far above the refill rate: from a full bucket at t = 0, by time T it
        // has admitted capacity + rate·T (to within the one arrival in flight at T).
        const double capacity = 50, rate = 100, duration = 20;
        Json s = test::scenario(duration, 0, 3);
        test::addComponent(s, "users", "client",
                           {{"rps", 2000}, {"arrival", "constant"}, {"read_ratio", 1.0}});
        test::addComponent(
            s, "gw", "api_gateway",
            {{"workers", 64}, {"rate_limit", {{"capacity", capacity}, {"refill_per_s", rate}}}});
        test::addLink(s, "users", "gw");
        const Json r = test::run(s);
        const double admitted = get(r, "gw", "admitted");
        qInfo("admitted %.0f, theory C + r·T = %.0f", admitted, capacity + rate * duration);
        QVERIFY(std::abs(admitted - (capacity + rate * duration)) <= 1);
        QCOMPARE(admitted + get(r, "gw", "rate_limited"), get(r, "gw", "arrivals"));
    }

    void rateLimitedCountedEverywhere() {
        test::Rows rows;
        const auto scenario =
            model::parseScenario(twoClients(300, {{"capacity", 10}, {"refill_per_s", 100}}).dump());
        const Json r = run::runScenario(scenario, &rows);
        const auto& e2e = r["end_to_end"];
        const double limited = get(r, "gw", "rate_limited");
        QVERIFY(limited > 0.5 * 200 * 60); // about 220 a second are refused
        QCOMPARE(e2e["errors_by_cause"]["rate_limited"].get<double>(), limited);
        QCOMPARE(e2e["failed"].get<double>(), limited);
        QCOMPARE(r["components"]["gw"]["errors_by_cause"]["rate_limited"].get<double>(), limited);
        QCOMPARE(r["components"]["gw"]["failed"].get<double>(), limited);
        // Admitted requests are the only ones that reach the service.
        QCOMPARE(get(r, "api", "arrivals"), get(r, "gw", "admitted"));
        double charted = 0;
        for (std::size_t i = 0; i < rows.rows.size(); ++i)
            charted += rows.at(i, "gw.rate_limited");
        QCOMPARE(charted, limited);
    }

    void perClientLimitsIsolateAQuietClient() {
        const Json limit = {{"scope", "per_client"}, {"capacity", 10}, {"refill_per_s", 50}};
        const Json isolated = test::run(twoClients(1000, limit));
        // The quiet client (20/s) stays under its own 50/s: never limited.
        QCOMPARE(get(isolated, "quiet", "failed"), 0.0);
        QVERIFY(get(isolated, "quiet", "completed") >= 20 * 60 - 1);
        // The noisy one gets its own 50/s and no more (plus the first full bucket).
        const double noisyOk = get(isolated, "noisy", "completed");
        qInfo("noisy client: %.0f admitted, theory 10 + 50·60 = 3010", noisyOk);
        QVERIFY(std::abs(noisyOk - 3010) <= 2);
        // One shared limit: the noisy client's traffic crowds the quiet one out.
        Json global = limit;
        global["scope"] = "global";
        const Json shared = test::run(twoClients(1000, global));
        const double quietShare = get(shared, "quiet", "completed") / (20 * 60);
        qInfo("shared limit: the quiet client gets %.1f%% through", 100 * quietShare);
        QVERIFY(quietShare < 0.2);
    }

    void slidingWindowPerClientInTheSimulation() {
        const Json limit = {{"algorithm", "sliding_window"},
                            {"scope", "per_client"},
                            {"limit", 25},
                            {"window_s", 0.5}};
        const Json r = test::run(twoClients(1000, limit));
        QCOMPARE(get(r, "quiet", "failed"), 0.0);
        // 25 per half second: 50/s, exactly, from the noisy client's saturating traffic.
        QVERIFY(std::abs(get(r, "noisy", "completed") - 50 * 60) <= 25);
    }

    void routesReadsAndWritesByKind() {
        // CQRS behind the gateway: writes → commands → write store; reads → queries → read store.
        Json s = test::scenario(100, 0, 9);
        test::addComponent(s, "users", "client", {{"rps", 200}, {"read_ratio", 0.7}});
        test::addComponent(s, "gw", "api_gateway", {{"workers", 64}});
        for (const char* id : {"commands", "queries", "audit"})
            test::addComponent(s, id, "service",
                               {{"workers", 64}, {"service_time", test::exponentialMs(1)}});
        test::addComponent(s, "write_db", "database", Json::object());
        test::addComponent(s, "read_db", "database", Json::object());
        test::addLink(s, "users", "gw");
        test::addLink(s, "gw", "commands", {{"route", "writes"}});
        test::addLink(s, "gw", "queries", {{"route", "reads"}});
        test::addLink(s, "gw", "audit"); // route all: both kinds
        test::addLink(s, "commands", "write_db");
        test::addLink(s, "queries", "read_db");
        const Json r = test::run(s);
        const double sent = r["end_to_end"]["sent"].get<double>();
        const double reads = get(r, "queries", "arrivals"), writes = get(r, "commands", "arrivals");
        // (Compared with what the gateway finished: a few requests are still inside at the end.)
        QCOMPARE(reads + writes, get(r, "gw", "completed"));
        QVERIFY(std::abs(get(r, "audit", "arrivals") - get(r, "gw", "completed")) <= 5);
        QCOMPARE(get(r, "read_db", "arrivals"), reads);
        QCOMPARE(get(r, "write_db", "arrivals"), writes);
        qInfo("reads %.4f of %.0f sent (read_ratio 0.7)", reads / sent, sent);
        QVERIFY(std::abs(reads / sent - 0.7) < 0.01);
        // The stores see only their kind: the read store's mean time is its read time.
        QVERIFY(std::abs(r["components"]["write_db"]["latency_ms"]["mean"].get<double>() - 15) <
                1.5);
        QVERIFY(std::abs(r["components"]["read_db"]["latency_ms"]["mean"].get<double>() - 5) < 0.5);
    }

    void responseCacheAnswersRepeatedReads() {
        Json s = test::scenario(100, 10, 4);
        test::addComponent(s, "users", "client",
                           {{"rps", 500}, {"read_ratio", 0.9}, {"keys", 100}});
        test::addComponent(s, "gw", "api_gateway",
                           {{"workers", 64}, {"cache", {{"capacity", 1000}, {"ttl_s", 1}}}});
        test::addComponent(s, "api", "service",
                           {{"workers", 64}, {"service_time", test::deterministicMs(1)}});
        test::addLink(s, "users", "gw");
        test::addLink(s, "gw", "api");
        const Json r = test::run(s);
        const auto& gw = r["components"]["gw"];
        const double reads = gw["cache_reads"].get<double>(), hits = gw["cache_hits"].get<double>();
        // Everything that is not a hit goes on to the service: misses and writes.
        QCOMPARE(get(r, "api", "arrivals"), get(r, "gw", "arrivals") - hits);
        // 100 keys, 450 reads/s, entries live 1 s and writes (50/s) drop theirs: most reads hit,
        // but not all.
        qInfo("hit ratio %.3f", hits / reads);
        QVERIFY(hits / reads > 0.7 && hits / reads < 0.99);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "test_gateway.moc"
