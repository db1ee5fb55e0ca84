// The engine against queueing theory: M/M/1, M/M/c (Erlang C), M/D/1 (Pollaczek–Khinchine),
// Erlang B loss, Little's law. Fixed seeds; runs long enough that three standard errors sit
// inside the tolerances (means 2%, p95/p99 5%).
#include "support/expect_close.h"
#include "support/scenario_runs.h"
#include "theory/queueing_theory.h"

#include <QTest>

using namespace sdlab;
using test::expectClose;
using test::Json;

namespace {

constexpr double kMeanTolerance = 0.02;
constexpr double kQuantileTolerance = 0.05;

/// Little's law L = λW for every component with traffic: mean number inside equals
/// throughput times mean time inside.
void expectLittle(const Json& report) {
    for (const auto& [id, c] : report["components"].items()) {
        const double lambda = c["throughput_rps"].get<double>();
        const double w = c["latency_ms"]["mean"].get<double>() / 1000.0;
        const double l = c["mean_in_component"].get<double>();
        if (l < 1e-3 && lambda * w < 1e-3) continue; // nothing queues here (a load balancer)
        QVERIFY2(test::relativeError(l, lambda * w) <= kMeanTolerance,
                 qPrintable(QString("Little's law at %1: L = %2, λW = %3")
                                .arg(QString::fromStdString(id))
                                .arg(l)
                                .arg(lambda * w)));
    }
}

} // namespace

class TestQueueing : public QObject {
    Q_OBJECT
private slots:
    void mmc_data() {
        QTest::addColumn<int>("workers");
        QTest::addColumn<double>("rho");
        QTest::addColumn<double>("customers");
        QTest::newRow("M/M/1 rho=0.5") << 1 << 0.5 << 1.0e6;
        QTest::newRow("M/M/1 rho=0.8") << 1 << 0.8 << 6.0e6;
        QTest::newRow("M/M/4 rho=0.5") << 4 << 0.5 << 1.0e6;
        QTest::newRow("M/M/4 rho=0.85") << 4 << 0.85 << 8.0e6;
    }
    void mmc() {
        QFETCH(int, workers);
        QFETCH(double, rho);
        QFETCH(double, customers);
        const double mu = 100; // 10 ms mean service
        const theory::MMc q{rho * workers * mu, mu, workers};
        const double duration = customers / q.lambda;
        const Json r = test::run(test::singleStation(q.lambda, workers, test::exponentialMs(10),
                                                     duration, duration / 20));
        const Json& s = r["components"]["server"];
        expectClose("mean response (ms)", s["latency_ms"]["mean"], 1000 * q.meanResponse(),
                    kMeanTolerance);
        expectClose("p95 response (ms)", s["latency_ms"]["p95"], 1000 * q.responseQuantile(0.95),
                    kQuantileTolerance);
        expectClose("p99 response (ms)", s["latency_ms"]["p99"], 1000 * q.responseQuantile(0.99),
                    kQuantileTolerance);
        expectClose("utilization", s["utilization"], q.utilization(), kMeanTolerance);
        expectClose("mean queue length", s["mean_queue_length"], q.meanQueueLength(),
                    kMeanTolerance);
        // End to end equals the station here: no network, no other hops.
        expectClose("end-to-end mean (ms)", r["end_to_end"]["latency_ms"]["mean"],
                    1000 * q.meanResponse(), kMeanTolerance);
        expectLittle(r);
    }

    void md1_data() {
        QTest::addColumn<double>("rho");
        QTest::newRow("M/D/1 rho=0.5") << 0.5;
        QTest::newRow("M/D/1 rho=0.85") << 0.85;
    }
    void md1() {
        QFETCH(double, rho);
        const double d = 0.010;
        const double lambda = rho / d;
        const double duration = 2.0e6 / lambda;
        const Json r = test::run(
            test::singleStation(lambda, 1, test::deterministicMs(10), duration, duration / 20));
        expectClose("M/D/1 mean (ms)", r["components"]["server"]["latency_ms"]["mean"],
                    1000 * theory::md1MeanResponse(lambda, d), kMeanTolerance);
        expectLittle(r);
    }

    void mg1LogNormal() {
        // Pollaczek–Khinchine holds for any service law: a heavy log-normal (cv 2) at ρ = 0.7.
        const double lambda = 70;
        const double duration = 4.0e6 / lambda;
        const Json service = {{"dist", "lognormal"}, {"mean_ms", 10}, {"cv", 2}};
        const Json r = test::run(test::singleStation(lambda, 1, service, duration, duration / 20));
        expectClose("M/G/1 mean (ms)", r["components"]["server"]["latency_ms"]["mean"],
                    1000 * theory::mg1MeanResponse(lambda, 0.010, 4.0), kMeanTolerance);
    }

    void erlangB_data() {
        QTest::addColumn<double>("offered");
        QTest::addColumn<QString>("dist");
        QTest::newRow("a=3, exponential") << 3.0 << "exponential";
        QTest::newRow("a=6, exponential") << 6.0 << "exponential";
        QTest::newRow("a=3, deterministic (insensitivity)") << 3.0 << "deterministic";
    }
    void erlangB() {
        QFETCH(double, offered);
        QFETCH(QString, dist);
        const int servers = 5;
        const double lambda = offered * 100; // 10 ms holding time
        const Json service = {{"dist", dist.toStdString()}, {"mean_ms", 10}};
        const double duration = 1.0e6 / lambda;
        const Json r = test::run(test::singleStation(lambda, servers, service, duration,
                                                     duration / 20, /*queueCapacity=*/0));
        const Json& s = r["components"]["server"];
        const double blocked = s["rejected"].get<double>() / s["arrivals"].get<double>();
        expectClose("blocking probability", blocked, theory::erlangB(servers, offered),
                    kMeanTolerance);
        // Every rejection is an end-to-end failure, and the error rate says so.
        expectClose("error rate", r["end_to_end"]["error_rate"], blocked, kMeanTolerance);
    }

    void replicasSplitTrafficRoundRobin_data() {
        QTest::addColumn<double>("rho");
        QTest::newRow("rho=0.5") << 0.5;
        QTest::newRow("rho=0.8") << 0.8;
    }
    void replicasSplitTrafficRoundRobin() {
        // Three single-worker instances taking Poisson traffic in turn: each sees Erlang-3
        // gaps, an E3/M/1 queue. Slower than one shared queue with three workers (M/M/3).
        QFETCH(double, rho);
        const double mu = 100, lambda = 3 * mu * rho;
        const double duration = 2e6 / lambda;
        Json s = test::scenario(duration, duration / 20, 2);
        test::addComponent(s, "clients", "client", {{"rps", lambda}});
        test::addComponent(
            s, "server", "service",
            {{"replicas", 3}, {"workers", 1}, {"service_time", test::exponentialMs(10)}});
        test::addLink(s, "clients", "server");
        const Json r = test::run(s);
        const Json& server = r["components"]["server"];
        expectClose("E3/M/1 mean (ms)", server["latency_ms"]["mean"],
                    1000 * theory::roundRobinSplitMeanResponse(lambda, mu, 3), kMeanTolerance);
        expectClose("utilization", server["utilization"], rho, kMeanTolerance);
        QVERIFY(server["latency_ms"]["mean"].get<double>() >
                1000 * (theory::MMc{lambda, mu, 3}.meanResponse()));
        expectLittle(r);
    }

    void closedLoopMatchesMeanValueAnalysis_data() {
        QTest::addColumn<int>("users");
        QTest::newRow("N=5 (light)") << 5;
        QTest::newRow("N=15 (near the knee)") << 15;
        QTest::newRow("N=40 (saturated)") << 40;
    }
    void closedLoopMatchesMeanValueAnalysis() {
        // N users thinking 100 ms (exponential) in front of one 10 ms server: the classic
        // closed network, solved exactly by mean value analysis.
        QFETCH(int, users);
        const double think = 0.100, service = 0.010;
        double queue = 0, response = 0, throughput = 0;
        for (int n = 1; n <= users; ++n) {
            response = service * (1 + queue);
            throughput = n / (response + think);
            queue = throughput * response;
        }
        Json s = test::scenario(20000, 500, 4);
        test::addComponent(s, "users", "client",
                           {{"mode", "closed"},
                            {"users", users},
                            {"think_time", test::exponentialMs(1000 * think)},
                            {"read_ratio", 1.0}});
        test::addComponent(s, "server", "service",
                           {{"workers", 1}, {"service_time", test::exponentialMs(1000 * service)}});
        test::addLink(s, "users", "server");
        const Json r = test::run(s);
        expectClose("throughput (req/s)", r["end_to_end"]["throughput_rps"], throughput,
                    kMeanTolerance);
        expectClose("response time (ms)", r["end_to_end"]["latency_ms"]["mean"], 1000 * response,
                    kMeanTolerance);
        expectLittle(r);
    }

    void littleOnEveryComponentOfExample() {
        const Json r =
            run::runScenario(model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json"));
        expectLittle(r);
        QVERIFY(r["end_to_end"]["completed"].get<double>() > 50000);
    }
};

QTEST_APPLESS_MAIN(TestQueueing)
#include "test_queueing.moc"
