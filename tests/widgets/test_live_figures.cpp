// The mechanisms a lesson talks about, read live: a balancer's requests in flight per target
// (they add up to what it has outstanding) and its round-robin pointer, a breaker's window,
// a rate limiter's headroom, a cache's hottest keys and a queue's partition offsets — each
// shown as the core has it.
#include "components/cache.h"
#include "components/load_balancer.h"
#include "components/message_queue.h"
#include "model/scenario_json.h"
#include "policies/rate_limiter.h"
#include "run/live_figures.h"
#include "run/live_run.h"

#include <QLocale>
#include <QTest>

using namespace sdlab;

namespace {

/// A count as the table shows it (with thousands separators), read back.
std::uint64_t number(const QString& cell) {
    return QString(cell).remove(',').toULongLong();
}

/// An example run to `t`, and one reading of its live figures.
struct ExampleAt {
    model::Scenario scenario;
    run::LiveRun live;
    widgets::LiveFigures figures;
    ExampleAt(const char* file, double t)
        : scenario(model::loadScenarioFile(std::string(SDLAB_EXAMPLES_DIR "/") + file))
        , live(scenario) {
        live.advanceTo(t);
    }
    /// The figures of component `id` and the component itself.
    template <class Component>
    std::pair<const widgets::NodeFigures&, const Component&> read(const char* id) {
        const auto i = std::size_t(scenario.indexOf(id));
        return {figures.read(scenario, live.simulation())[i],
                dynamic_cast<const Component&>(live.simulation().component(sim::Index(i)))};
    }
};

} // namespace

class TestLiveFigures : public QObject {
    Q_OBJECT
private slots:
    void balancerStateIsShown() {
        const model::Scenario s = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
        run::LiveRun live(s);
        live.advanceTo(5.0005);
        widgets::LiveFigures figures;
        const auto& f = figures.read(s, live.simulation());
        const auto lb = std::size_t(s.indexOf("lb"));
        const auto* balancer = dynamic_cast<const components::LoadBalancer&>(
                                   live.simulation().component(sim::Index(lb)))
                                   .balancer();
        QVERIFY(balancer);
        const QStringList& lines = f[lb].mechanism;
        QCOMPARE(lines.size(), int(balancer->size())); // least connections: no pointer line
        long inFlight = 0;
        for (std::size_t t = 0; t < balancer->size(); ++t) {
            inFlight += balancer->outstanding(t);
            QVERIFY(
                lines[int(t)].contains(QString::number(balancer->outstanding(t)) + " in flight"));
        }
        QVERIFY(inFlight > 0);
    }

    void cacheShowsItsHottestKeys() {
        ExampleAt example("url-shortener.json", 20);
        const auto [f, cache] = example.read<components::Cache>("cache");
        run::LiveRun& live = example.live;
        QVERIFY(f.mechanism.contains(
            QString("Holds %1 of 10,000 entries (%2% full)")
                .arg(QLocale(QLocale::English).toString(qulonglong(cache.store().size())))
                .arg(qRound(cache.store().size() / 100.0))));
        QVERIFY(f.mechanism.contains(QString("Hit ratio over the last ~10 s: %1%")
                                         .arg(qRound(cache.hotKeys().hitRatio() * 100))));
        QCOMPARE(f.tables.size(), std::size_t(1));
        const auto& table = f.tables.front();
        const auto top = cache.hotKeys().top(5, live.now());
        QCOMPARE(table.rows.size(), std::size_t(5));
        for (std::size_t r = 0; r < 5; ++r) {
            const QString rank = QString::number(r + 1);
            QCOMPARE(table.cell(rank, 1), QString::number(top[r].key));
            const bool held = cache.store().contains(top[r].key, live.now());
            QCOMPARE(table.cell(rank, 4),
                     held ? QString("hit (cached)") : QString("miss (not cached)"));
        }
        // (A hot key is not always held: 10% of requests are writes, and a write invalidates.)
        // Zipf: the most popular keys (0, 1, …) lead.
        QCOMPARE(table.cell("1", 1), QString("0"));
    }

    // The async-orders example stops the analytics group from 30 s to 50 s: at 40 s its lag
    // is ~10 s of messages on every partition, while fulfilment keeps up.
    void queueShowsOffsetsAndLag() {
        ExampleAt example("async-orders.json", 40);
        const auto [f, queue] = example.read<components::MessageQueue>("orders");
        QCOMPARE(f.tables.size(), std::size_t(1));
        const auto& table = f.tables.front();
        QCOMPARE(table.rows.size(), std::size_t(16));
        QCOMPARE(table.groups.size(), std::size_t(3)); // partition & end, then one per group
        std::uint64_t analyticsLag = 0;
        for (sim::Index g = 0; g < queue.groupCount(); ++g) {
            const auto& group = queue.group(g);
            const bool analytics = queue.groupName(g) == "analytics";
            QCOMPARE(table.groups[g + 1].first,
                     QString::fromStdString(queue.groupName(g)) + (analytics ? " (stopped)" : ""));
            const int at = 2 + 3 * int(g);
            for (sim::Index p = 0; p < 16; ++p) {
                const QString row = QString::number(p);
                QCOMPARE(number(table.cell(row, 1)), group.endOffset(p));
                QCOMPARE(number(table.cell(row, at)), group.committedOffset(p));
                QCOMPARE(number(table.cell(row, at + 1)), group.lag(p));
                QCOMPARE(group.lag(p), group.endOffset(p) - group.committedOffset(p));
                QCOMPARE(table.cell(row, at + 2), group.holder(p) >= 0
                                                      ? QString("#%1").arg(group.holder(p) + 1)
                                                  : group.heldBack(p) ? QString("retry wait")
                                                                      : QString("–"));
                if (analytics) analyticsLag += group.lag(p);
            }
        }
        QVERIFY(analyticsLag > 1500); // ~200 messages/s for 10 s
    }

    void limiterHeadroomFollowsTheBucket() {
        policies::TokenBucket bucket(10, 5);
        QCOMPARE(bucket.headroom(0), 10.0);
        for (int i = 0; i < 8; ++i)
            QVERIFY(bucket.admit(0));
        QCOMPARE(bucket.headroom(0), 2.0);
        QCOMPARE(bucket.headroom(1), 7.0);   // 2 + 5 a second
        QCOMPARE(bucket.headroom(10), 10.0); // never above the capacity
        policies::SlidingWindowLog window(3, 1.0);
        QVERIFY(window.admit(0.1) && window.admit(0.2));
        QCOMPARE(window.headroom(0.5), 1.0);
        QCOMPARE(window.headroom(1.15), 2.0); // the first admission has left the window
    }
};

QTEST_MAIN(TestLiveFigures)
#include "test_live_figures.moc"
