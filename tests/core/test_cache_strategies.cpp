// Cache write policies and request coalescing against what they must give: cache-aside's hit
// ratio equals the read share (a write invalidates, so a read hits only after a read), write-
// through keeps written keys hot at the price of the store's latency, write-behind answers at
// the cache's speed and loses exactly its dirty keys in a crash, and coalescing cuts one
// key's fetches to the renewal rate λ / (1 + λT).
#include "support/scenario_runs.h"

#include <QTest>
#include <cmath>

using namespace sdlab;
using test::Json;

namespace {

/// Clients → cache (0.5 ms) → database (`dbMs`), over `keys` uniform keys, no network delay.
Json cacheInFront(const Json& cacheParams, double readRatio, int keys, double rps = 1000,
                  double duration = 120, double warmup = 20, double dbMs = 5) {
    Json s = test::scenario(duration, warmup, 3);
    test::addComponent(s, "users", "client",
                       {{"rps", rps}, {"read_ratio", readRatio}, {"keys", keys}});
    Json cache = cacheParams;
    cache["service_time"] = test::deterministicMs(0.5);
    cache["workers"] = 1000;
    test::addComponent(s, "cache", "cache", cache);
    test::addComponent(s, "db", "database",
                       {{"connections", 1000},
                        {"read_time", test::deterministicMs(dbMs)},
                        {"write_time", test::deterministicMs(dbMs)}});
    test::addLink(s, "users", "cache");
    test::addLink(s, "cache", "db");
    return s;
}

double hitRatio(const Json& r) {
    return r["components"]["cache"]["hit_ratio"].get<double>();
}

} // namespace

class TestCacheStrategies : public QObject {
    Q_OBJECT
private slots:
    void cacheAsideHitsOnlyAfterAReadWhileWriteThroughStaysHot() {
        // Capacity for every key: the only misses are first reads and reads after a write.
        // Cache-aside: a read hits when the key's previous access was a read: P = read share
        // (with a fast store, so that few reads land while another's miss is being fetched).
        const double readShare = 0.6;
        const Json aside =
            test::run(cacheInFront({{"capacity", 100}, {"write_policy", "cache_aside"}}, readShare,
                                   100, 1000, 120, 20, 0.1));
        qInfo("cache-aside hit ratio %.4f, theory %.2f", hitRatio(aside), readShare);
        QVERIFY(std::abs(hitRatio(aside) - readShare) < 0.004);
        // Write-through: written keys are updated, not dropped: every read after warm-up hits.
        const Json through = test::run(
            cacheInFront({{"capacity", 100}, {"write_policy", "write_through"}}, readShare, 100));
        QVERIFY(hitRatio(through) > 0.999);
        // Its writes wait for the cache and the store: 0.5 + 5 ms, exactly.
        const Json writes = test::run(
            cacheInFront({{"capacity", 100}, {"write_policy", "write_through"}}, 0.0, 100));
        QVERIFY(std::abs(writes["end_to_end"]["latency_ms"]["max"].get<double>() - 5.5) < 0.05);
        QVERIFY(std::abs(writes["end_to_end"]["latency_ms"]["p50"].get<double>() - 5.5) < 0.05);
    }

    void writeBehindAnswersFastAndLosesExactlyTheDirtyKeys() {
        // 100 writes/s, evenly spaced, over a million keys (repeats are rare but counted),
        // flushed 2 s after their first write. The cache crashes at 30 s for 5 s.
        Json s = cacheInFront(
            {{"capacity", 100000}, {"write_policy", "write_behind"}, {"flush_delay_s", 2}}, 0.0,
            1000000, 100, 60, 0);
        s["components"][0]["arrival"] = "constant";
        s["faults"] = Json::array(
            {{{"kind", "crash"}, {"target", "cache"}, {"at_s", 30.0005}, {"duration_s", 5}}});
        const Json r = test::run(s);
        const auto& wb = r["components"]["cache"]["write_behind"];
        // Written at the cache's speed, not the store's.
        QVERIFY(std::abs(r["end_to_end"]["latency_ms"]["p50"].get<double>() - 0.5) < 0.01);
        // Lost: the keys first written in the 2 s before the crash (200 writes).
        const double lost = wb["lost_writes"].get<double>();
        qInfo("lost %.0f dirty keys in the crash, 200 expected", lost);
        QVERIFY(std::abs(lost - 200) <= 1);
        // Every dirty key is flushed, lost or still dirty at the end — and every flush is a
        // write the database received.
        const double keys = wb["writes"].get<double>() - wb["absorbed"].get<double>();
        QCOMPARE(wb["flushes"].get<double>() + lost + wb["unflushed_end"].get<double>(), keys);
        QCOMPARE(r["components"]["db"]["arrivals"].get<double>(), wb["flushes"].get<double>());
        // While it was down, writes failed instead of piling up.
        QVERIFY(std::abs(r["end_to_end"]["errors_by_cause"]["crashed"].get<double>() - 500) <= 1);
    }

    void coalescingCutsFetchesToTheRenewalRate() {
        // One key, Poisson reads at λ = 100/s, nothing kept (capacity 0), a 50 ms fetch.
        // Coalesced, a fetch absorbs every read that arrives while it runs: fetches come at
        // λ / (1 + λT) = 16.7/s instead of 100/s.
        auto fetchRate = [](bool coalesce) {
            Json s = cacheInFront({{"capacity", 0}, {"coalesce_misses", coalesce}}, 1.0, 1, 100,
                                  300, 10);
            s["components"][1]["service_time"] = test::deterministicMs(0.001);
            s["components"][2]["read_time"] = test::deterministicMs(50);
            const Json r = test::run(s);
            return r["components"]["db"]["arrivals"].get<double>() / 290.0;
        };
        const double coalesced = fetchRate(true), plain = fetchRate(false);
        const double theory = 100 / (1 + 100 * 0.05);
        qInfo("fetches/s: %.2f coalesced (theory %.2f), %.2f without", coalesced, theory, plain);
        QVERIFY(std::abs(coalesced - theory) < 0.03 * theory);
        QVERIFY(std::abs(plain - 100) < 3);
    }
};

QTEST_MAIN(TestCacheStrategies)
#include "test_cache_strategies.moc"
