// The latency histogram's promise: quantiles within 1% of the exact sample quantiles, exact
// mean and max, bounded memory whatever the range.
#include "metrics/latency_histogram.h"
#include "sim/distribution.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <vector>

using sdlab::metrics::LatencyHistogram;

class TestHistogram : public QObject {
    Q_OBJECT
private slots:
    void quantilesWithinOnePercent_data() {
        QTest::addColumn<double>("meanMs");
        QTest::addColumn<double>("cv");
        QTest::newRow("sub-millisecond") << 0.05 << 1.0;
        QTest::newRow("tens of ms") << 30.0 << 0.5;
        QTest::newRow("heavy tail") << 200.0 << 4.0;
        QTest::newRow("minutes") << 90000.0 << 0.3;
    }
    void quantilesWithinOnePercent() {
        QFETCH(double, meanMs);
        QFETCH(double, cv);
        auto rng = sdlab::sim::makeStream(9, "histogram");
        const auto dist = sdlab::sim::Distribution::logNormal(meanMs, cv);
        std::vector<double> samples(200000);
        LatencyHistogram h;
        double sum = 0;
        for (double& x : samples) {
            x = dist.sample(rng);
            h.record(x);
            sum += x;
        }
        std::sort(samples.begin(), samples.end());
        for (double q : {0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999}) {
            const auto rank = std::size_t(std::ceil(q * double(samples.size()))) - 1;
            const double exact = samples[rank];
            QVERIFY2(
                std::abs(h.quantile(q) - exact) / exact <= 0.01,
                qPrintable(QString("q=%1: %2 vs exact %3").arg(q).arg(h.quantile(q)).arg(exact)));
        }
        QCOMPARE(h.count(), std::uint64_t(samples.size()));
        QVERIFY(std::abs(h.mean() - sum / double(samples.size())) <= 1e-9 * h.mean());
        QCOMPARE(h.max(), samples.back());
    }

    void bucketsBoundRelativeError() {
        for (double v = 0.002; v < 1e7; v *= 1.0137) {
            const double mid = LatencyHistogram::bucketMidpoint(LatencyHistogram::bucketOf(v));
            QVERIFY2(std::abs(mid - v) / v <= 0.5 / LatencyHistogram::kSubBuckets + 1e-12,
                     qPrintable(QString::number(v)));
        }
    }

    void edgeCases() {
        LatencyHistogram h;
        QCOMPARE(h.quantile(0.99), 0.0);
        h.record(0.0);
        QCOMPARE(h.quantile(0.5), 0.0);
        LatencyHistogram other;
        other.record(10.0);
        other.record(1e12); // beyond the top bucket: clamped, max still exact
        h.merge(other);
        QCOMPARE(h.count(), std::uint64_t(3));
        QCOMPARE(h.max(), 1e12);
        QCOMPARE(h.quantile(1.0), 1e12);
    }
};

QTEST_APPLESS_MAIN(TestHistogram)
#include "test_histogram.moc"
