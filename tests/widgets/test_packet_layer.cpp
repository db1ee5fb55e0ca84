// Packets on the canvas: dots appear on a link that carries calls and not on one that carries
// none; a failing callee turns them red; at 100,000 req/s they are sampled under the cap and
// the links show their rate instead; no run, no dots.
#include "canvas/canvas_scene.h"
#include "common/resources.h"
#include "document/document.h"
#include "run/live_run_controller.h"
#include "run/packet_item.h"
#include "run/packet_layer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <numeric>

using namespace sdlab;
using widgets::PacketLayer;

namespace {

const QString kShortener = QStringLiteral(SDLAB_EXAMPLES_DIR "/url-shortener.json");

/// Reads only: the api's link to the write store carries nothing.
const char* kReadsOnly = R"({"version": 1, "seed": 3, "duration_s": 60,
  "components": [
    {"id": "users", "type": "client", "rps": 200, "read_ratio": 1.0},
    {"id": "api", "type": "service", "workers": 16,
     "service_time": {"dist": "exponential", "mean_ms": 5}},
    {"id": "reads", "type": "service", "workers": 16,
     "service_time": {"dist": "exponential", "mean_ms": 2}},
    {"id": "writes", "type": "service", "workers": 16,
     "service_time": {"dist": "exponential", "mean_ms": 2}}],
  "links": [{"from": "users", "to": "api", "latency_ms": 5},
            {"from": "api", "to": "reads", "latency_ms": 1, "route": "reads"},
            {"from": "api", "to": "writes", "latency_ms": 1, "route": "writes"}]})";

int total(const PacketLayer::Counts& c) {
    return std::accumulate(c.begin(), c.end(), 0);
}

int packetItems(widgets::CanvasScene& scene) {
    int n = 0;
    for (QGraphicsItem* item : scene.items())
        if (item->type() == widgets::PacketItem::Type) {
            // Marked as a decoration, so that diagram exports leave the traffic out.
            if (item->data(widgets::CanvasScene::kDecorationKey).toBool()) ++n;
        }
    return n;
}

/// A canvas with a document, a run of it and the packet layer following the run.
struct Canvas {
    QTemporaryDir dir;
    widgets::Document doc;
    widgets::CanvasScene scene{&doc};
    widgets::LiveRunController run;
    PacketLayer packets{&scene};

    explicit Canvas(const QString& file) {
        QString error;
        QVERIFY2(doc.open(file, &error), qPrintable(error));
        run.load(doc.scenario());
        packets.attach(&run);
    }
    static QString write(QTemporaryDir& dir, const char* json) {
        const QString path = dir.filePath(QStringLiteral("design.json"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(json);
        return path;
    }
};

} // namespace

class TestPacketLayer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { widgets::initResources(); }

    void packetsOnlyWhereCallsGo() {
        QTemporaryDir dir;
        Canvas c(Canvas::write(dir, kReadsOnly));
        c.run.runTo(1);
        QVERIFY(total(c.packets.packetsOn("users", "api")) > 0);
        QVERIFY(total(c.packets.packetsOn("api", "reads")) > 0);
        QCOMPARE(c.run.run()->simulation().link(2).calls, std::uint64_t(0));
        QCOMPARE(total(c.packets.packetsOn("api", "writes")), 0);
        // No failures in this design: every dot is a success.
        QCOMPARE(c.packets.packetsOn("users", "api")[0],
                 total(c.packets.packetsOn("users", "api")));
        QCOMPARE(packetItems(c.scene), 1);
    }

    // Calls a cache answers itself are drawn as hits, in the share the cache reports; the
    // calls it passes on (misses) cross the next link as plain successes.
    void cacheHitsHaveTheirOwnColour() {
        Canvas c(QStringLiteral(SDLAB_EXAMPLES_DIR "/url-shortener.json"));
        c.run.runTo(20);
        const auto toCache = c.packets.packetsOn("app1", "cache");
        const auto toDb = c.packets.packetsOn("cache", "db");
        const double hits = toCache[std::size_t(PacketLayer::Outcome::CacheHit)];
        QVERIFY(total(toCache) > 20);
        const auto& cache =
            c.run.run()->simulation().component(sim::Index(c.run.scenario().indexOf("cache")));

        const double ratio = double(cache.counters.readHits) / double(cache.counters.arrivals);
        // Dots are drawn by the cache's own shares: within 0.08 of its hit ratio over the run
        // (a sample of ~700 dots: a standard error of ~0.02).
        QVERIFY2(std::abs(hits / total(toCache) - ratio) < 0.08,
                 qPrintable(QStringLiteral("%1 vs %2").arg(hits / total(toCache)).arg(ratio)));
        QCOMPARE(toDb[std::size_t(PacketLayer::Outcome::CacheHit)], 0);
    }

    // Played frame by frame (1/60 s of simulated time each, as at 1×), a link's label reads
    // the clients' rate: 150/s on average within 3% (over 52 s of readings smoothed over
    // 1.5 s, the mean's standard error is ~1.1%).
    void rateLabelsReadTheRateAtPlaySpeed() {
        Canvas c(QStringLiteral(SDLAB_LESSONS_DIR "/load-balancing/start-2.json"));
        double sum = 0;
        int readings = 0;
        for (int frame = 1; frame <= 58 * 60; ++frame) {
            c.run.runTo(frame / 60.0);
            if (frame > 6 * 60) {
                sum += c.packets.rateOn("users", "lb");
                ++readings;
            }
        }
        const double mean = sum / readings;
        QVERIFY2(std::abs(mean - 150) < 4.5, qPrintable(QString::number(mean)));
    }

    void failingCalleeShowsRed() {
        QTemporaryDir dir;
        Canvas c(Canvas::write(dir, kReadsOnly));
        sim::Fault errors;
        errors.kind = sim::Fault::Kind::Errors;
        errors.targets = {sim::Index(c.run.scenario().indexOf("reads"))};
        errors.rate = 1.0;
        c.run.run()->simulation().injectFault(errors);
        c.run.runTo(1);
        const auto counts = c.packets.packetsOn("api", "reads");
        QVERIFY(total(counts) > 0);
        QCOMPARE(counts[std::size_t(PacketLayer::Outcome::Failed)], total(counts));
    }

    void cappedAndLabelledAtHighRate() {
        QTemporaryDir dir;
        QFile in(kShortener);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray json = in.readAll();
        json.replace("\"rps\": 2000", "\"rps\": 100000");
        QVERIFY(json.contains("100000"));
        Canvas c(Canvas::write(dir, json.constData()));
        for (double t = 0.05; t <= 0.5; t += 0.05) {
            c.run.runTo(t);
            QVERIFY(c.packets.packetCount() <= PacketLayer::kMaxPackets);
        }
        QVERIFY(c.packets.packetCount() > PacketLayer::kMaxPackets * 9 / 10);
        // 100,000 req/s from the users, give or take the Poisson arrivals, once the label's
        // average (half a simulated second) has settled.
        c.run.runTo(3);
        QVERIFY(c.packets.packetCount() <= PacketLayer::kMaxPackets);
        const QString label = c.packets.rateLabel("users", "lb");
        QVERIFY2(label.startsWith("9") || label.startsWith("10"), qPrintable(label));
        QVERIFY(label.endsWith("k/s"));
    }

    void quietLinkHasNoLabel() {
        QTemporaryDir dir;
        Canvas c(Canvas::write(dir, kReadsOnly));
        c.run.setSpeed(0.1); // 200 req/s at a tenth of real time: 20 dots a second
        c.run.runTo(1);
        QVERIFY(c.packets.rateLabel("users", "api").isEmpty());
        QCOMPARE(widgets::rateText(1234), QStringLiteral("1.2k/s"));
    }

    void nothingWithoutRun() {
        widgets::Document doc;
        widgets::CanvasScene scene{&doc};
        widgets::LiveRunController run; // nothing loaded
        PacketLayer packets{&scene};
        packets.attach(&run);
        packets.frame();
        QCOMPARE(packets.packetCount(), 0);
        QCOMPARE(packetItems(scene), 0);
        packets.attach(nullptr);
        QCOMPARE(packets.packetCount(), 0);
    }
};

QTEST_MAIN(TestPacketLayer)
#include "test_packet_layer.moc"
