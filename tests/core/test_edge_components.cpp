// The catalogue's components against the numbers they should give: CDN edges against cache
// theory (Che, TTL renewal) and origin offload against the origin's own arrivals; object
// storage latency against first byte + size / bandwidth; a lagging service registry's calls
// to a dead instance against share × detection lag × rate; feed fan-out against the
// follower law's moments. Fixed seeds; each tolerance is stated where it is used.
#include "support/scenario_runs.h"
#include "theory/cache_theory.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

double num(const Json& v) {
    return v.get<double>();
}

void expectNear(const char* what, double measured, double expected, double tolerance) {
    qInfo("%s: measured %.4f, theory %.4f", what, measured, expected);
    QVERIFY2(std::abs(measured - expected) <= tolerance,
             qPrintable(QString("%1: %2, expected %3 ± %4")
                            .arg(what)
                            .arg(measured)
                            .arg(expected)
                            .arg(tolerance)));
}

// --- CDN ---------------------------------------------------------------------------------

constexpr int kKeys = 10000;
constexpr double kZipf = 0.8;

/// Two regions, each with its clients and its own edge, both edges in front of one origin.
Json twoRegionCdn(double rpsA, double rpsB, int capacity, double ttl, double readRatio = 1.0,
                  const std::string& edgeType = "cdn") {
    Json s = test::scenario(60, 20, 11);
    for (const auto& [region, rps] : {std::pair{"a", rpsA}, std::pair{"b", rpsB}}) {
        test::addComponent(
            s, std::string("users-") + region, "client",
            {{"rps", rps}, {"read_ratio", readRatio}, {"keys", kKeys}, {"zipf", kZipf}});
        Json edge = {
            {"capacity", capacity}, {"workers", 256}, {"service_time", test::deterministicMs(0)}};
        if (edgeType == "cdn") edge["ttl_s"] = ttl;
        test::addComponent(s, std::string("edge-") + region, edgeType, edge);
    }
    test::addComponent(s, "origin", "service",
                       {{"workers", 1000}, {"service_time", test::deterministicMs(0.05)}});
    for (const char* region : {"a", "b"}) {
        test::addLink(s, std::string("users-") + region, std::string("edge-") + region);
        test::addLink(s, std::string("edge-") + region, "origin");
    }
    return s;
}

// --- service registry ----------------------------------------------------------------------

constexpr double kRegistryRps = 2000;

/// Users → registry → four instances; instance "i0" crashes at 22 s for `downS` seconds.
Json registryRun(double refreshS, double downS) {
    Json s = test::scenario(120, 0, 21);
    test::addComponent(s, "users", "client", {{"rps", kRegistryRps}, {"read_ratio", 1.0}});
    test::addComponent(s, "registry", "service_registry",
                       {{"heartbeat_interval_s", 5},
                        {"heartbeat_ttl_s", 15},
                        {"refresh_interval_s", refreshS},
                        {"registration_delay_s", 5}});
    test::addLink(s, "users", "registry");
    for (const char* id : {"i0", "i1", "i2", "i3"}) {
        test::addComponent(s, id, "service",
                           {{"workers", 64}, {"service_time", test::deterministicMs(1)}});
        test::addLink(s, "registry", id);
    }
    Json crash = {{"kind", "crash"}, {"target", "i0"}, {"at_s", 22}};
    if (downS > 0) crash["duration_s"] = downS; // else down to the end
    s["faults"] = Json::array({crash});
    return test::run(s);
}

// --- feed ----------------------------------------------------------------------------------

/// P(K = k) of the follower law K = min(max, floor(min · U^(−1/alpha))), k = 0..max.
std::vector<double> followerPmf(int min, double alpha, int max) {
    auto tail = [&](int k) { return k <= min ? 1.0 : std::pow(double(min) / k, alpha); };
    std::vector<double> p(std::size_t(max) + 1, 0.0);
    for (int k = min; k < max; ++k)
        p[std::size_t(k)] = tail(k) - tail(k + 1);
    p[std::size_t(max)] = tail(max);
    return p;
}

/// Users → feed (strategy) → timeline store, with `readRatio` of timeline reads.
Json feedRun(const std::string& strategy, double readRatio, int following, double rps = 400,
             const Json& storeTime = test::deterministicMs(0.1)) {
    Json s = test::scenario(50, 10, 31);
    test::addComponent(s, "users", "client", {{"rps", rps}, {"read_ratio", readRatio}});
    test::addComponent(s, "feed", "feed_service",
                       {{"strategy", strategy},
                        {"min_followers", 10},
                        {"followers_alpha", 2.0},
                        {"max_followers", 10000},
                        {"celebrity_threshold", 100},
                        {"following", following},
                        {"workers", 1000},
                        {"service_time", test::deterministicMs(0.5)}});
    test::addComponent(s, "store", "service", {{"workers", 100000}, {"service_time", storeTime}});
    test::addLink(s, "users", "feed");
    test::addLink(s, "feed", "store");
    return test::run(s)["components"];
}

} // namespace

class TestEdgeComponents : public QObject {
    Q_OBJECT
private slots:
    // --- CDN -----------------------------------------------------------------------------
    void cdnEdgeHitRatioFollowsChe() {
        // Each LRU edge sees only its own region's requests: its hit ratio is Che's for its
        // capacity, whatever its rate (tolerance 0.02 absolute, as for the cache tests).
        const Json r = test::run(twoRegionCdn(6000, 2000, 400, 0));
        const auto p = theory::zipfPopularity(kKeys, kZipf);
        const double che = theory::lruHitRatioChe(p, 400);
        for (const char* edge : {"edge-a", "edge-b"})
            expectNear(edge, num(r["components"][edge]["hit_ratio"]), che, 0.02);
    }

    void cdnTtlHitRatioFollowsRenewalFormula() {
        // Room for every object: only the TTL causes misses, and the busier edge (three times
        // the rate) keeps more objects fresh — the renewal formula at each edge's own rate.
        const double ttl = 0.5;
        const Json r = test::run(twoRegionCdn(6000, 2000, kKeys, ttl));
        const auto p = theory::zipfPopularity(kKeys, kZipf);
        expectNear("edge-a", num(r["components"]["edge-a"]["hit_ratio"]),
                   theory::ttlHitRatio(p, 6000, ttl), 0.02);
        expectNear("edge-b", num(r["components"]["edge-b"]["hit_ratio"]),
                   theory::ttlHitRatio(p, 2000, ttl), 0.02);
        QVERIFY(num(r["components"]["edge-a"]["hit_ratio"]) >
                num(r["components"]["edge-b"]["hit_ratio"]) + 0.1);
    }

    void cdnOffloadIsOneMinusOriginShare() {
        // Offload counted at the edges = 1 − arrivals at the origin / requests at the edges,
        // two independent counts (tolerance 0.002: requests in flight at the window's ends).
        const Json r = test::run(twoRegionCdn(6000, 2000, 400, 5, 0.8));
        const Json& c = r["components"];
        double requests = 0, offloaded = 0;
        for (const char* edge : {"edge-a", "edge-b"}) {
            requests += num(c[edge]["arrivals"]);
            offloaded += num(c[edge]["arrivals"]) * num(c[edge]["offload"]);
        }
        expectNear("CDN offload", offloaded / requests,
                   1.0 - num(c["origin"]["arrivals"]) / requests, 0.002);
        // Writes pass through: with 20% writes the offload is at most the read share.
        QVERIFY(offloaded / requests < 0.8);
    }

    void cdnWritesDoNotPurge() {
        // Half the requests write. A CDN edge is not told: it keeps serving cached copies, so
        // its hit ratio stays Che's; a cache-aside cache drops the key on each write.
        const auto p = theory::zipfPopularity(kKeys, kZipf);
        const Json cdn = test::run(twoRegionCdn(8000, 8000, 400, 0, 0.5));
        expectNear("cdn with writes", num(cdn["components"]["edge-a"]["hit_ratio"]),
                   theory::lruHitRatioChe(p, 400), 0.02);
        const Json cache = test::run(twoRegionCdn(8000, 8000, 400, 0, 0.5, "cache"));
        QVERIFY(num(cache["components"]["edge-a"]["hit_ratio"]) <
                num(cdn["components"]["edge-a"]["hit_ratio"]) - 0.1);
    }

    void usersGoToTheNearestEdgeThatIsUp() {
        // Users linked to a near (5 ms) and a far (40 ms) edge use the near one, and the far
        // one only while the near one is down (10 s of 1000 req/s: ±5%, Poisson counts).
        Json s = test::scenario(40, 0, 5);
        test::addComponent(s, "users", "client", {{"rps", 1000}, {"read_ratio", 1.0}});
        test::addComponent(s, "near", "cdn", Json::object());
        test::addComponent(s, "far", "cdn", Json::object());
        test::addComponent(s, "origin", "service", {{"workers", 100}});
        test::addLink(s, "users", "far", {{"latency_ms", 40}});
        test::addLink(s, "users", "near", {{"latency_ms", 5}});
        test::addLink(s, "near", "origin");
        test::addLink(s, "far", "origin");
        s["faults"] = Json::array(
            {{{"kind", "crash"}, {"target", "near"}, {"at_s", 10}, {"duration_s", 10}}});
        const Json r = test::run(s);
        expectNear("far edge's share of 10 s", num(r["components"]["far"]["arrivals"]) / 10000, 1.0,
                   0.05);
        // None fails but those already on their way to (5 ms × 1000 req/s) or inside the near
        // edge when it crashed.
        const int failed = r["end_to_end"]["failed"].get<int>();
        qInfo("failed at the crash: %d", failed);
        QVERIFY(failed <= 15);
    }

    // --- object storage --------------------------------------------------------------------
    void objectLatencyIsFirstBytePlusTransfer() {
        // First byte 40 ms, exponential sizes of mean 2000 kB at 50 MB/s (40 ms mean): plenty
        // of connections, so latency = 40 + Exp(40) ms, whose quantiles are closed-form
        // (tolerance 2%).
        Json s = test::scenario(60, 10, 41);
        test::addComponent(s, "users", "client", {{"rps", 2000}, {"read_ratio", 0.7}});
        test::addComponent(s, "blobs", "object_storage",
                           {{"first_byte", test::deterministicMs(40)},
                            {"object_size_kb", 2000},
                            {"size_distribution", "exponential"},
                            {"bandwidth_mb_s", 50}});
        test::addLink(s, "users", "blobs");
        const Json b = test::run(s)["components"]["blobs"];
        const Json& l = b["latency_ms"];
        expectNear("mean", num(l["mean"]), 80, 80 * 0.02);
        expectNear("p50", num(l["p50"]), 40 + 40 * std::log(2.0), 0.02 * 68);
        expectNear("p95", num(l["p95"]), 40 + 40 * std::log(20.0), 0.02 * 160);
        expectNear("p99", num(l["p99"]), 40 + 40 * std::log(100.0), 0.02 * 224);
        QCOMPARE(num(b["expected_service_ms"]), 80.0);
        expectNear("throughput MB/s", num(b["throughput_mb_s"]), 2000 * 2.0, 4000 * 0.03);
    }

    void fewConnectionsQueueLikeMD1() {
        // One connection, fixed 1000 kB at 100 MB/s after a fixed 10 ms: D = 20 ms, so at 25
        // req/s (ρ = 0.5) the M/D/1 mean wait is ρD / (2(1 − ρ)) = 10 ms (tolerance 5%).
        Json s = test::scenario(400, 20, 43);
        test::addComponent(s, "users", "client", {{"rps", 25}, {"read_ratio", 1.0}});
        test::addComponent(s, "blobs", "object_storage",
                           {{"connections", 1},
                            {"first_byte", test::deterministicMs(10)},
                            {"object_size_kb", 1000},
                            {"size_distribution", "fixed"},
                            {"bandwidth_mb_s", 100}});
        test::addLink(s, "users", "blobs");
        const Json b = test::run(s)["components"]["blobs"];
        expectNear("mean time in storage", num(b["latency_ms"]["mean"]), 30, 30 * 0.05);
    }

    // --- service registry ------------------------------------------------------------------
    void registryLagSendsCallsToTheDeadInstance() {
        // Crash at 22 s; last heartbeat 20 s, deregistered at 20 + 15 = 35 s, callers refresh
        // every 10 s so they drop it at 40 s: 18 s of lag. Round robin over four instances:
        // expected dead calls = 1/4 × 18 s × 2000 req/s = 9000, each a failed request
        // (tolerance 3%: Poisson arrivals).
        const Json r = registryRun(10, 60);
        const Json& reg = r["components"]["registry"];
        const double dead = num(reg["calls_to_dead_instances"]);
        expectNear("calls to the dead instance", dead, 0.25 * 18 * kRegistryRps, 0.03 * 9000);
        QCOMPARE(reg["instances"]["i0"]["calls_to_dead"].get<double>(), dead);
        // Each failed; a call or two already inside at the crash fails too.
        expectNear("failed requests", num(r["end_to_end"]["failed"]), dead, 3);
        QCOMPARE(reg["instances"]["i0"]["changes"][0][0].get<double>(), 35.0);
        QCOMPARE(reg["instances"]["i0"]["changes"][0][1].get<std::string>(), "deregistered");
        // Back at 82 s: first heartbeat 85 s, registered 5 s later; no dead calls after.
        QCOMPARE(reg["instances"]["i0"]["changes"][1][0].get<double>(), 90.0);
        QCOMPARE(reg["instances"]["i0"]["changes"][1][1].get<std::string>(), "registered");
        QVERIFY(reg["instances"]["i0"]["registered_at_end"].get<bool>());
    }

    void liveRegistryLagsOnlyByTheTtl() {
        // Callers that see changes at once lose 35 − 22 = 13 s; and with the instance down to
        // the end, the count is all there is: none after deregistration.
        const Json r = registryRun(0, -1);
        expectNear("calls to the dead instance",
                   num(r["components"]["registry"]["calls_to_dead_instances"]),
                   0.25 * 13 * kRegistryRps, 0.03 * 6500);
        QVERIFY(!r["components"]["registry"]["instances"]["i0"]["registered_at_end"].get<bool>());
    }

    // --- feed ------------------------------------------------------------------------------
    void fanOutOnWriteAmplifiesByMeanFollowers() {
        // Posts only: each pushes one write per follower, so store writes per post = 1 + E[K]
        // (Pareto α = 2 from 10, cut at 10000: E[K] ≈ 20; tolerance 4%, about 3.5 standard
        // errors over ~16,000 posts).
        const auto pmf = followerPmf(10, 2.0, 10000);
        double mean = 0;
        for (std::size_t k = 0; k < pmf.size(); ++k)
            mean += double(k) * pmf[k];
        const Json feed = feedRun("on_write", 0, 10)["feed"]["feed"];
        expectNear("timeline writes per post", num(feed["timeline_writes_per_post"]), mean,
                   0.04 * mean);
        expectNear("write amplification", num(feed["write_amplification"]), 1 + mean, 0.04 * mean);
        QCOMPARE(num(feed["celebrity_posts"]), 0.0);
    }

    void hybridPushesOnlyBelowTheThreshold() {
        // Threshold 100: writes per post = 1 + E[K; K < 100], celebrities' share P(K ≥ 100) =
        // (10/100)² = 1% (tolerances 3% and 0.002).
        const auto pmf = followerPmf(10, 2.0, 10000);
        double below = 0;
        for (std::size_t k = 0; k < 100; ++k)
            below += double(k) * pmf[k];
        const Json feed = feedRun("hybrid", 0, 10)["feed"]["feed"];
        expectNear("timeline writes per post", num(feed["timeline_writes_per_post"]), below,
                   0.03 * below);
        expectNear("celebrity share", num(feed["celebrity_posts"]) / num(feed["posts"]), 0.01,
                   0.002);
    }

    void readCostByStrategy() {
        // Reads only, following 20: on_write reads one timeline, on_read gathers 20, hybrid
        // reads the timeline plus the celebrities followed, 20 × the share of follow edges
        // that point at celebrities (E[K; K ≥ 100] / E[K]); on_read writes once per post.
        const auto pmf = followerPmf(10, 2.0, 10000);
        double mean = 0, celebrity = 0;
        for (std::size_t k = 0; k < pmf.size(); ++k) {
            mean += double(k) * pmf[k];
            if (k >= 100) celebrity += double(k) * pmf[k];
        }
        QCOMPARE(num(feedRun("on_write", 1, 20)["feed"]["feed"]["read_cost"]), 1.0);
        QCOMPARE(num(feedRun("on_read", 1, 20)["feed"]["feed"]["read_cost"]), 20.0);
        expectNear("hybrid read cost", num(feedRun("hybrid", 1, 20)["feed"]["feed"]["read_cost"]),
                   1 + 20 * celebrity / mean, 0.05);
        QCOMPARE(num(feedRun("on_read", 0, 20)["feed"]["feed"]["write_amplification"]), 1.0);
    }

    void gatheringWaitsForTheSlowestRead() {
        // Store reads take Exp(1 ms), never queued. A pushed timeline costs 0.5 ms of own work
        // + one read: 1.5 ms; gathering 20 in parallel waits for the slowest: 0.5 + H₂₀ ms
        // (the mean of the largest of 20 exponentials; tolerance 3%).
        double h20 = 0;
        for (int i = 1; i <= 20; ++i)
            h20 += 1.0 / i;
        const Json pushed = feedRun("on_write", 1, 20, 400, test::exponentialMs(1));
        const Json pulled = feedRun("on_read", 1, 20, 400, test::exponentialMs(1));
        expectNear("on_write read latency", num(pushed["feed"]["feed"]["read_latency_ms"]["mean"]),
                   1.5, 0.03 * 1.5);
        expectNear("on_read read latency", num(pulled["feed"]["feed"]["read_latency_ms"]["mean"]),
                   0.5 + h20, 0.03 * (0.5 + h20));
    }
};

QTEST_APPLESS_MAIN(TestEdgeComponents)
#include "test_edge_components.moc"
