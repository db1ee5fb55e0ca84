// Checks the reference formulas in queueing_theory.h / cache_theory.h against textbook values.
#include "cache_theory.h"
#include "queueing_theory.h"

#include <QObject>
#include <QString>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace sdlab::theory;

#define EXPECT_NEAR(actual, expected, tol)                                                         \
    do {                                                                                           \
        const double a_ = (actual), e_ = (expected);                                               \
        QVERIFY2(std::abs(a_ - e_) <= (tol), qPrintable(QString("%1 = %2, expected %3")            \
                                                            .arg(#actual)                          \
                                                            .arg(a_, 0, 'g', 17)                   \
                                                            .arg(e_, 0, 'g', 17)));                \
    } while (false)

namespace {

// Mean of a non-negative variable as the integral of its survival 1 - F (composite Simpson).
double meanFromCdf(const MMc& q, double upper, int steps = 200000) {
    const double h = upper / steps;
    double sum = 0.0;
    for (int i = 0; i <= steps; ++i) {
        const double w = (i == 0 || i == steps) ? 1.0 : (i % 2 ? 4.0 : 2.0);
        sum += w * (1.0 - q.responseCdf(i * h));
    }
    return sum * h / 3.0;
}

} // namespace

class TestTheoryFormulas : public QObject {
    Q_OBJECT

private slots:
    void erlangBKnownValues() {
        EXPECT_NEAR(erlangB(0, 3.0), 1.0, 1e-15);
        EXPECT_NEAR(erlangB(1, 1.0), 0.5, 1e-15);
        EXPECT_NEAR(erlangB(2, 1.0), 0.2, 1e-15);
        EXPECT_NEAR(erlangB(5, 2.0), 4.0 / 109.0, 1e-15); // (32/120) / (1+2+2+4/3+2/3+4/15)
        EXPECT_NEAR(erlangB(10, 5.0), 0.018385, 1e-6);
        // Published Erlang B table: 10 trunks at 1% blocking carry 4.46 Erl, 20 trunks 12.03 Erl.
        EXPECT_NEAR(erlangB(10, 4.46), 0.01, 2e-4);
        EXPECT_NEAR(erlangB(20, 12.03), 0.01, 2e-4);
    }

    void erlangCKnownValues() {
        EXPECT_NEAR(erlangC(2, 1.0), 1.0 / 3.0, 1e-15);
        for (double a : {0.1, 0.5, 0.9})
            EXPECT_NEAR(erlangC(1, a), a, 1e-15);
        EXPECT_NEAR(erlangC(3, 3.0), 1.0, 0.0);
    }

    void mm1MatchesClosedForm() {
        const MMc q{0.7, 1.0, 1};
        EXPECT_NEAR(q.utilization(), 0.7, 1e-15);
        EXPECT_NEAR(q.meanResponse(), 1.0 / 0.3, 1e-12);
        EXPECT_NEAR(q.meanWait(), 0.7 / 0.3, 1e-12);
        EXPECT_NEAR(q.meanInSystem(), 0.7 / 0.3, 1e-12);
        EXPECT_NEAR(q.meanQueueLength(), 0.49 / 0.3, 1e-12);
        for (double t : {0.1, 1.0, 5.0, 30.0}) // T ~ Exp(mu - lambda)
            EXPECT_NEAR(q.responseCdf(t), -std::expm1(-0.3 * t), 1e-14);
        const double p99 = std::log(100.0) / 0.3;
        EXPECT_NEAR(q.responseQuantile(0.99), p99, 1e-11 * p99);
        EXPECT_NEAR(q.responseQuantile(0.5), std::log(2.0) / 0.3, 1e-11);
    }

    void mm2KnownValues() {
        const MMc q{1.0, 1.0, 2}; // rho = 0.5: Lq = 2 rho^3 / (1 - rho^2) = 1/3
        EXPECT_NEAR(q.meanQueueLength(), 1.0 / 3.0, 1e-14);
        EXPECT_NEAR(q.meanResponse(), 4.0 / 3.0, 1e-14);
        EXPECT_NEAR(q.meanInSystem(), 4.0 / 3.0, 1e-14);
    }

    void mmcQuantileConsistency_data() {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<int>("c");
        QTest::newRow("c4 theta>mu") << 2.5 << 1.0 << 4;
        QTest::newRow("c4 theta==mu") << 3.0 << 1.0 << 4;
        QTest::newRow("c4 theta<mu") << 3.5 << 1.0 << 4;
        QTest::newRow("c8 light") << 2.0 << 2.0 << 8;
        QTest::newRow("c16 heavy") << 15.0 << 1.0 << 16;
    }

    void mmcQuantileConsistency() {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(int, c);
        const MMc q{lambda, mu, c};
        for (double p : {0.01, 0.5, 0.9, 0.99, 0.999, 0.99999})
            EXPECT_NEAR(q.responseCdf(q.responseQuantile(p)), p, 1e-10);
        const double slowest = std::min(mu, c * mu - lambda);
        EXPECT_NEAR(meanFromCdf(q, 45.0 / slowest), q.meanResponse(), 1e-6 * q.meanResponse());
    }

    void mmcQuantileContinuousAtThetaEqualsMu() {
        const double q0 = MMc{3.0, 1.0, 4}.responseQuantile(0.99);
        for (double eps : {1e-12, 1e-9, 1e-6})
            for (double sign : {-1.0, 1.0})
                EXPECT_NEAR((MMc{3.0 + sign * eps, 1.0, 4}.responseQuantile(0.99)), q0, 1e-5 * q0);
    }

    void pollaczekKhinchine() {
        EXPECT_NEAR(md1MeanResponse(0.5, 1.0), 1.5, 1e-15);
        for (double lambda : {0.1, 0.5, 0.9}) {
            EXPECT_NEAR(md1MeanResponse(lambda, 1.0), mg1MeanResponse(lambda, 1.0, 0.0), 1e-12);
            EXPECT_NEAR(mg1MeanResponse(lambda, 1.0, 1.0), (MMc{lambda, 1.0, 1}.meanResponse()),
                        1e-12);
        }
    }

    void zipfIsNormalized() {
        const auto p = zipfPopularity(1000, 0.8);
        EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12);
        QVERIFY(std::is_sorted(p.rbegin(), p.rend()));
        EXPECT_NEAR(p[0] / p[1], std::pow(2.0, 0.8), 1e-12);
        for (double pk : zipfPopularity(10, 0.0))
            EXPECT_NEAR(pk, 0.1, 1e-15);
    }

    void fullCacheAlwaysHits() {
        const auto p = zipfPopularity(50, 1.0);
        QVERIFY(std::isinf(cheCharacteristicTime(p, 50)));
        EXPECT_NEAR(lruHitRatioChe(p, 50), 1.0, 1e-12);
        EXPECT_NEAR(fifoHitRatioIrm(p, 50), 1.0, 1e-12);
        EXPECT_NEAR(topCHitRatio(p, 50), 1.0, 1e-12);
        QVERIFY(lruHitRatioChe(p, 49) < 1.0 && lruHitRatioChe(p, 49) > lruHitRatioChe(p, 40));
    }

    void uniformPopularity() {
        const auto p = zipfPopularity(1000, 0.0);
        EXPECT_NEAR(cheCharacteristicTime(p, 100), -1000.0 * std::log(0.9), 1e-8);
        EXPECT_NEAR(lruHitRatioChe(p, 100), 0.1, 1e-3);
        EXPECT_NEAR(fifoHitRatioIrm(p, 100), lruHitRatioChe(p, 100), 1e-9);
        EXPECT_NEAR(topCHitRatio(p, 100), 0.1, 1e-12);
    }

    void zipfPolicyOrdering() {
        const auto p = zipfPopularity(10000, 0.8);
        const double fifo = fifoHitRatioIrm(p, 100), lru = lruHitRatioChe(p, 100);
        const double opt = topCHitRatio(p, 100);
        QVERIFY2(fifo < lru && lru < opt,
                 qPrintable(QString("fifo %1 lru %2 opt %3").arg(fifo).arg(lru).arg(opt)));
        QVERIFY(lru - fifo < 0.05); // FIFO is only slightly worse than LRU under IRM
    }

    void ttlCache() {
        EXPECT_NEAR(ttlHitRatio({1.0}, 2.0, 1.5), 0.75, 1e-15); // lambda T / (1 + lambda T)
        EXPECT_NEAR(ttlHitRatio({0.5, 0.5}, 4.0, 0.5), 0.5, 1e-15);
        EXPECT_NEAR(ttlHitRatio({0.25, 0.75}, 1.0, 0.0), 0.0, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestTheoryFormulas)
#include "test_theory_formulas.moc"
