// Cache hit ratios against cache theory under the independent reference model (Zipf keys):
// LRU vs Che's approximation, FIFO vs its IRM approximation, LFU vs the static top-C ideal,
// TTL vs the renewal formula. Tolerance: 0.02 absolute.
#include "support/scenario_runs.h"
#include "theory/cache_theory.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

constexpr double kHitTolerance = 0.02;
constexpr double kRps = 20000;

/// Clients → cache → database, reads only; the database is fast so misses fill at once.
Json cacheRun(const std::string& eviction, int keys, double zipf, int capacity, double ttl = 0) {
    Json s = test::scenario(70, 20, 3);
    test::addComponent(s, "clients", "client",
                       {{"rps", kRps}, {"read_ratio", 1.0}, {"keys", keys}, {"zipf", zipf}});
    test::addComponent(s, "cache", "cache",
                       {{"capacity", capacity},
                        {"eviction", eviction},
                        {"ttl_s", ttl},
                        {"workers", 64},
                        {"service_time", test::deterministicMs(0)}});
    test::addComponent(s, "db", "database",
                       {{"connections", 1000}, {"read_time", test::deterministicMs(0.05)}});
    test::addLink(s, "clients", "cache");
    test::addLink(s, "cache", "db");
    return test::run(s)["components"]["cache"];
}

void expectHitRatio(const Json& cache, double expected) {
    const double measured = cache["hit_ratio"].get<double>();
    qInfo("hit ratio measured %.4f  theory %.4f  (diff %+.4f, %llu reads)", measured, expected,
          measured - expected, cache["reads"].get<unsigned long long>());
    QVERIFY2(std::abs(measured - expected) <= kHitTolerance,
             qPrintable(QString("hit ratio %1, theory %2").arg(measured).arg(expected)));
}

} // namespace

class TestCacheTheory : public QObject {
    Q_OBJECT
private slots:
    void policies_data() {
        QTest::addColumn<QString>("eviction");
        QTest::addColumn<double>("zipf");
        QTest::addColumn<int>("capacity");
        for (const char* policy : {"lru", "fifo", "lfu"})
            for (double zipf : {0.8, 1.1})
                for (int capacity : {100, 1000})
                    QTest::addRow("%s zipf=%.1f C=%d", policy, zipf, capacity)
                        << QString(policy) << zipf << capacity;
    }
    void policies() {
        QFETCH(QString, eviction);
        QFETCH(double, zipf);
        QFETCH(int, capacity);
        const int keys = 10000;
        const auto p = theory::zipfPopularity(keys, zipf);
        const Json cache = cacheRun(eviction.toStdString(), keys, zipf, capacity);
        if (eviction == "lru")
            expectHitRatio(cache, theory::lruHitRatioChe(p, capacity));
        else if (eviction == "fifo")
            expectHitRatio(cache, theory::fifoHitRatioIrm(p, capacity));
        else
            expectHitRatio(cache, theory::topCHitRatio(p, capacity));
    }

    void ttlExpiry_data() {
        QTest::addColumn<double>("ttl");
        QTest::newRow("ttl 20 ms") << 0.02;
        QTest::newRow("ttl 200 ms") << 0.2;
    }
    void ttlExpiry() {
        // Room for every key: only expiry causes misses (non-reset TTL renewal formula).
        QFETCH(double, ttl);
        const int keys = 10000;
        const auto p = theory::zipfPopularity(keys, 0.8);
        const Json cache = cacheRun("ttl", keys, 0.8, keys, ttl);
        expectHitRatio(cache, theory::ttlHitRatio(p, kRps, ttl));
        // Under Poisson requests the hits on a copy fall uniformly over its life, so the copies
        // served are T/2 old on average, and none is T old (the bound on staleness).
        const double meanAge = cache["hit_age_s"]["mean"].get<double>();
        const double maxAge = cache["hit_age_s"]["max"].get<double>();
        qInfo("hit age mean %.5f s (T/2 = %.5f), max %.5f s", meanAge, ttl / 2, maxAge);
        QVERIFY(std::abs(meanAge - ttl / 2) <= 0.02 * ttl);
        QVERIFY(maxAge < ttl && maxAge > 0.95 * ttl);
    }

    void uniformKeysHitRatioIsCapacityShare() {
        // With no popularity skew every policy holds C of n equally likely keys.
        for (const char* eviction : {"lru", "fifo", "lfu"})
            expectHitRatio(cacheRun(eviction, 5000, 0.0, 500), 0.1);
    }

    void writesInvalidate() {
        // Half the requests write: each write evicts its key, so hits must drop sharply
        // compared with a read-only run of the same cache.
        Json s = test::scenario(30, 10, 5);
        test::addComponent(s, "clients", "client",
                           {{"rps", 5000}, {"read_ratio", 0.5}, {"keys", 1000}, {"zipf", 1.0}});
        test::addComponent(s, "cache", "cache", {{"capacity", 1000}});
        test::addComponent(s, "db", "database", {{"connections", 100}});
        test::addLink(s, "clients", "cache");
        test::addLink(s, "cache", "db");
        const double withWrites = test::run(s)["components"]["cache"]["hit_ratio"].get<double>();
        QVERIFY2(withWrites < 0.9, qPrintable(QString::number(withWrites)));
        QVERIFY(withWrites > 0.3);
    }
};

QTEST_APPLESS_MAIN(TestCacheTheory)
#include "test_cache_theory.moc"
