// Service call graphs: a parallel fan-out takes as long as its slowest branch (n independent
// exponential branches: E[max] = H_n / μ, median from P(max ≤ x) = (1 − e^{−μx})^n), a
// sequential chain as long as their sum; failures, timeouts and retries per branch; links
// routed by kind; and what the topology analysis makes of both.
#include "analysis/topology_analysis.h"
#include "support/scenario_runs.h"

#include <QTest>
#include <cmath>

using namespace sdlab;
using test::Json;

namespace {

constexpr double kBranchMs = 10; ///< mean of each branch's exponential service time

/// Clients → "fanout" (no work of its own, `calls` mode) → n services with Exp(10 ms) times
/// and workers to spare, so that each branch's time is one exponential draw.
Json fanOut(int n, const std::string& calls, double durationS = 400, const Json& link = {}) {
    Json s = test::scenario(durationS, 10, 21);
    test::addComponent(s, "users", "client", {{"rps", 200}, {"read_ratio", 1.0}});
    test::addComponent(
        s, "fanout", "service",
        {{"workers", 1000}, {"service_time", test::deterministicMs(0)}, {"calls", calls}});
    test::addLink(s, "users", "fanout");
    for (int i = 0; i < n; ++i) {
        const std::string id = "branch" + std::to_string(i);
        test::addComponent(s, id, "service",
                           {{"workers", 1000}, {"service_time", test::exponentialMs(kBranchMs)}});
        test::addLink(s, "fanout", id, link);
    }
    return s;
}

double harmonic(int n) {
    double h = 0;
    for (int k = 1; k <= n; ++k)
        h += 1.0 / k;
    return h;
}

double latency(const Json& r, const char* stat) {
    return r["end_to_end"]["latency_ms"][stat].get<double>();
}

double arrivals(const Json& r, const std::string& component) {
    return r["components"][component]["arrivals"].get<double>();
}

double endToEnd(const Json& r, const char* key, const char* cause = nullptr) {
    const Json& v = r["end_to_end"][key];
    return (cause ? v[cause] : v).get<double>();
}

double successRate(const Json& r) {
    const auto& e = r["end_to_end"];
    return e["completed"].get<double>() /
           (e["completed"].get<double>() + e["failed"].get<double>());
}

} // namespace

class TestCallGraphs : public QObject {
    Q_OBJECT
private slots:
    void parallelLatencyIsTheMaximum_data() {
        QTest::addColumn<int>("n");
        for (int n : {1, 2, 4, 8})
            QTest::newRow(qPrintable(QString("n=%1").arg(n))) << n;
    }
    void parallelLatencyIsTheMaximum() {
        QFETCH(int, n);
        const Json r = test::run(fanOut(n, "parallel"));
        const double mean = latency(r, "mean"), theory = harmonic(n) * kBranchMs;
        // Median of the max: (1 − e^{−μx})^n = 1/2.
        const double median = -std::log(1 - std::pow(0.5, 1.0 / n)) * kBranchMs;
        qInfo("n = %d: mean %.3f ms, theory H_n/μ = %.3f; p50 %.3f ms, theory %.3f", n, mean,
              theory, latency(r, "p50"), median);
        QVERIFY(test::relativeError(mean, theory) < 0.015); // ±1.5% (80,000 requests)
        QVERIFY(test::relativeError(latency(r, "p50"), median) < 0.02);
        QCOMPARE(r["end_to_end"]["failed"].get<double>(), 0.0);
        for (int i = 0; i < n; ++i) // every branch called once per request
            QCOMPARE(arrivals(r, "branch" + std::to_string(i)), arrivals(r, "fanout"));
    }

    void sequentialLatencyIsTheSum() {
        const int n = 4;
        const Json r = test::run(fanOut(n, "sequential"));
        qInfo("sequential: mean %.3f ms, theory n/μ = %.3f", latency(r, "mean"), n * kBranchMs);
        QVERIFY(test::relativeError(latency(r, "mean"), n * kBranchMs) < 0.015);
        // "sequential" is the default: the same run, event for event.
        Json implicit = fanOut(n, "sequential");
        implicit["components"][1].erase("calls");
        QCOMPARE(test::run(implicit).dump(), r.dump());
    }

    void aFailedBranchFailsTheRequestOnceAllHaveAnswered() {
        Json s = fanOut(3, "parallel", 100);
        s["faults"] = Json::array({{{"kind", "errors"}, {"target", "branch1"}, {"rate", 0.3}}});
        const Json r = test::run(s);
        QVERIFY(std::abs(successRate(r) - 0.7) < 0.01);
        QCOMPARE(endToEnd(r, "errors_by_cause", "injected"), endToEnd(r, "failed"));
        // The other branches are not cut short: each still gets every request.
        QCOMPARE(arrivals(r, "branch0"), arrivals(r, "fanout"));
        QCOMPARE(arrivals(r, "branch2"), arrivals(r, "fanout"));
        QCOMPARE(r["end_to_end"]["in_flight_at_end"].get<int>() < 20, true);
    }

    void retriesAndTimeoutsWorkPerBranch() {
        // Each branch fails with p = 0.5 and has 3 attempts: a request succeeds when both do,
        // (1 − 0.5³)² = 0.765625.
        const Json retries = {
            {"retries", {{"max_attempts", 3}, {"base_ms", 1}, {"jitter", "none"}}}};
        Json s = fanOut(2, "parallel", 100, retries);
        s["faults"] = Json::array(
            {{{"kind", "errors"}, {"target", Json::array({"branch0", "branch1"})}, {"rate", 0.5}}});
        const Json r = test::run(s);
        qInfo("success %.4f, theory (1 − p³)² = %.4f", successRate(r), std::pow(1 - 0.125, 2));
        QVERIFY(std::abs(successRate(r) - std::pow(1 - 0.125, 2)) < 0.01);
        // A 15 ms timeout on each branch: P(both within) = (1 − e^{−1.5})².
        Json t = fanOut(2, "parallel", 600, {{"timeout_ms", 15}});
        const Json timed = test::run(t);
        const double theory = std::pow(1 - std::exp(-1.5), 2);
        qInfo("within timeout %.4f, theory %.4f", successRate(timed), theory);
        QVERIFY(std::abs(successRate(timed) - theory) < 0.01);
        QCOMPARE(endToEnd(timed, "errors_by_cause", "timeout"), endToEnd(timed, "failed"));
        QVERIFY(latency(timed, "max") <= 15 + 1e-6);
    }

    void serviceRoutesByKindInParallel() {
        // A service that fans a write out to a store and a log, and a read to a read replica.
        Json s = test::scenario(100, 0, 13);
        test::addComponent(s, "users", "client", {{"rps", 100}, {"read_ratio", 0.6}});
        test::addComponent(s, "api", "service", {{"workers", 64}, {"calls", "parallel"}});
        for (const char* id : {"store", "log", "replica"})
            test::addComponent(s, id, "service", {{"workers", 64}});
        test::addLink(s, "users", "api");
        test::addLink(s, "api", "store", {{"route", "writes"}});
        test::addLink(s, "api", "log", {{"route", "writes"}});
        test::addLink(s, "api", "replica", {{"route", "reads"}});
        const Json r = test::run(s);
        QCOMPARE(arrivals(r, "store"), arrivals(r, "log"));
        const double done =
            r["components"]["api"]["completed"].get<double>(); // (some still inside)
        QCOMPARE(arrivals(r, "store") + arrivals(r, "replica"), done);
        QVERIFY(std::abs(arrivals(r, "replica") / done - 0.6) < 0.02);
    }

    void analysisNeedsEveryParallelBranchAndOnlyTheRoutesUsed() {
        // api (0.99) → write store (0.9, writes only) and read store (0.95, reads only).
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {{"read_ratio", 1.0}});
        test::addComponent(s, "api", "service", {{"calls", "parallel"}, {"availability", 0.99}});
        test::addComponent(s, "write_db", "database", {{"availability", 0.9}});
        test::addComponent(s, "read_db", "database", {{"availability", 0.95}});
        test::addLink(s, "users", "api");
        test::addLink(s, "api", "write_db", {{"route", "writes"}});
        test::addLink(s, "api", "read_db", {{"route", "reads"}});
        auto analyse = [](const Json& j) {
            return analysis::analyzeTopology(model::parseScenario(j.dump()));
        };
        // A client that only reads does not need the write store.
        auto a = analyse(s);
        QVERIFY(std::abs(a.availability - 0.99 * 0.95) < 1e-12);
        QCOMPARE(a.singlePointsOfFailure, (std::vector<std::string>{"api", "read_db"}));
        // One that reads and writes needs both paths.
        s["components"][0]["read_ratio"] = 0.5;
        a = analyse(s);
        QVERIFY(std::abs(a.availability - 0.99 * 0.95 * 0.9) < 1e-12);
        QCOMPARE(a.singlePointsOfFailure.size(), std::size_t(3));
        // Without routes, parallel or not, every branch is needed.
        for (auto& l : s["links"])
            l.erase("route");
        s["components"][0]["read_ratio"] = 1.0;
        QVERIFY(std::abs(analyse(s).availability - 0.99 * 0.95 * 0.9) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestCallGraphs)
#include "test_call_graphs.moc"
