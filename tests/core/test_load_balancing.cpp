// Load-balancing algorithms: the split each one produces, and the latency consequences that
// theory predicts (random splitting of Poisson traffic gives independent M/M/1 queues; two
// random choices beat one by a wide margin).
#include "policies/hash_ring.h"
#include "support/scenario_runs.h"
#include "theory/queueing_theory.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

/// Clients → load balancer → three servers with one worker each (10 ms exponential).
Json balancedRun(const std::string& algorithm, double rps, std::vector<double> weights = {1, 1, 1},
                 std::vector<double> serviceMs = {10, 10, 10}, double duration = 1200) {
    Json s = test::scenario(duration, duration / 10, 11);
    test::addComponent(s, "clients", "client", {{"rps", rps}, {"keys", 100000}});
    test::addComponent(s, "lb", "load_balancer", {{"algorithm", algorithm}});
    test::addLink(s, "clients", "lb");
    for (int i = 0; i < 3; ++i) {
        std::string id = "s";
        id += std::to_string(i + 1);
        test::addComponent(s, id, "service",
                           {{"workers", 1}, {"service_time", test::exponentialMs(serviceMs[i])}});
        test::addLink(s, "lb", id, {{"weight", weights[i]}});
    }
    return test::run(s);
}

std::vector<double> shares(const Json& r) {
    std::vector<double> out;
    double total = 0;
    for (const char* id : {"s1", "s2", "s3"})
        total += r["components"][id]["arrivals"].get<double>();
    for (const char* id : {"s1", "s2", "s3"})
        out.push_back(r["components"][id]["arrivals"].get<double>() / total);
    return out;
}

void expectShares(const Json& r, std::vector<double> expected, double tolerance) {
    const auto got = shares(r);
    qInfo("shares %.4f %.4f %.4f  expected %.4f %.4f %.4f", got[0], got[1], got[2], expected[0],
          expected[1], expected[2]);
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got[i] - expected[i]) <= tolerance,
                 qPrintable(QString("target %1: share %2, expected %3")
                                .arg(i + 1)
                                .arg(got[i])
                                .arg(expected[i])));
}

double meanLatency(const Json& r) {
    return r["end_to_end"]["latency_ms"]["mean"].get<double>();
}

} // namespace

class TestLoadBalancing : public QObject {
    Q_OBJECT
private slots:
    void evenSplits_data() {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("round_robin") << "round_robin" << 0.0005;
        QTest::newRow("least_connections") << "least_connections" << 0.01;
        QTest::newRow("random") << "random" << 0.01;
        QTest::newRow("power_of_two") << "power_of_two" << 0.01;
        QTest::newRow("consistent_hash") << "consistent_hash" << 0.1;
    }
    void evenSplits() {
        QFETCH(QString, algorithm);
        QFETCH(double, tolerance);
        expectShares(balancedRun(algorithm.toStdString(), 150), {1. / 3, 1. / 3, 1. / 3},
                     tolerance);
    }

    void weightedRoundRobinFollowsWeights() {
        expectShares(balancedRun("weighted_round_robin", 150, {3, 2, 1}), {0.5, 1. / 3, 1. / 6},
                     0.0005);
    }

    void leastConnectionsAvoidsTheSlowServer() {
        // s3 is twice as slow: it holds requests longer, so it is picked less often.
        const auto got = shares(balancedRun("least_connections", 150, {1, 1, 1}, {10, 10, 20}));
        qInfo("least_connections shares with a slow s3: %.3f %.3f %.3f", got[0], got[1], got[2]);
        QVERIFY(got[2] < 0.28);
        QVERIFY(got[0] > 0.35 && got[1] > 0.35);
    }

    void randomSplitIsMM1PerServer() {
        // Random splitting of a Poisson stream gives each server Poisson arrivals: M/M/1.
        const double rps = 240; // 80 req/s per server, ρ = 0.8
        const Json r = balancedRun("random", rps, {1, 1, 1}, {10, 10, 10}, 20000);
        const double theory = 1000 * theory::MMc{rps / 3, 100, 1}.meanResponse();
        qInfo("random: mean %.2f ms, M/M/1 theory %.2f ms", meanLatency(r), theory);
        QVERIFY(test::relativeError(meanLatency(r), theory) <= 0.02);
    }

    void smarterChoicesCutLatency() {
        // At ρ = 0.9: round robin smooths arrivals, two random choices look at load, least
        // connections looks at all of it; each beats blind random choice.
        const double rps = 270;
        const double random = meanLatency(balancedRun("random", rps));
        const double roundRobin = meanLatency(balancedRun("round_robin", rps));
        const double twoChoices = meanLatency(balancedRun("power_of_two", rps));
        const double least = meanLatency(balancedRun("least_connections", rps));
        qInfo("mean ms at rho 0.9: random %.1f, round robin %.1f, power of two %.1f, least "
              "connections %.1f",
              random, roundRobin, twoChoices, least);
        QVERIFY(roundRobin < 0.8 * random);
        QVERIFY(twoChoices < 0.5 * random);
        QVERIFY(least <= twoChoices * 1.02);
    }

    void consistentHashMovesOnlyTheLeaversKeys() {
        const policies::HashRing four({"a", "b", "c", "d"}, 100);
        const policies::HashRing three({"a", "b", "c"}, 100);
        int moved = 0, onD = 0;
        std::vector<int> load(4, 0);
        const int keys = 100000;
        for (std::uint32_t k = 0; k < std::uint32_t(keys); ++k) {
            const std::size_t before = four.targetFor(k);
            ++load[before];
            if (before == 3)
                ++onD;
            else if (three.targetFor(k) != before)
                ++moved;
        }
        QCOMPARE(moved, 0); // keys not on the removed node stay where they were
        for (int l : load)  // 100 points per node: each share within 0.25 ± 0.06
            QVERIFY2(std::abs(l / double(keys) - 0.25) < 0.06, qPrintable(QString::number(l)));
        QVERIFY(onD > 0);
    }
};

QTEST_APPLESS_MAIN(TestLoadBalancing)
#include "test_load_balancing.moc"
