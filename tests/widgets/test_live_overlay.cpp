// A live run on the canvas: a crash chosen from the real context menu reaches the core, the
// card and the fault timeline, and a restart undoes it; the breaker badge follows the core's
// breaker; the utilisation a card shows is the core's figure for the interval.
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/component_item.h"
#include "canvas/diagram_export.h"
#include "canvas/link_item.h"
#include "common/resources.h"
#include "components/database.h"
#include "components/replication_group.h"
#include "document/document.h"
#include "gui/theme.h"
#include "model/scenario_json.h"
#include "run/breaker_badge_item.h"
#include "run/fault_actions.h"
#include "run/fault_timeline.h"
#include "run/live_overlay.h"
#include "run/live_run_controller.h"
#include "run/node_overlay_item.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace sdlab;

namespace {

const QString kDrill = QStringLiteral(SDLAB_EXAMPLES_DIR "/outage-drill.json");

/// The editor's canvas with a run of its document loaded and every live view attached.
struct LiveCanvas {
    widgets::Document doc;
    widgets::CanvasScene scene{&doc};
    widgets::CanvasView view{&scene};
    widgets::LiveRunController run;
    widgets::LiveOverlay overlay{&scene};
    widgets::FaultActions faults{&scene, &run};
    widgets::FaultTimeline timeline;

    explicit LiveCanvas(const QString& file = kDrill) {
        QString error;
        QVERIFY2(doc.open(file, &error), qPrintable(error));
        run.load(doc.scenario());
        overlay.attach(&run);
        view.setFooter(&timeline);
        timeline.attach(&run);
        view.resize(1200, 700);
    }
    sim::Simulation& sim() { return run.run()->simulation(); }
    sim::Index index(const char* id) { return sim::Index(run.scenario().indexOf(id)); }
};

/// Triggers the action called `text` (in a submenu too) of the real right-click menu on `item`.
bool triggerMenu(widgets::CanvasScene& scene, QGraphicsItem* item, const QString& text) {
    const auto menu = scene.contextMenuFor(item);
    std::function<bool(QMenu*)> find = [&](QMenu* m) {
        for (QAction* a : m->actions()) {
            if (a->menu() && find(a->menu())) return true;
            if (a->text() == text && a->isEnabled()) {
                a->trigger();
                return true;
            }
        }
        return false;
    };
    return find(menu.get());
}

/// The tooltip on screen, if one is.
QLabel* shownToolTip() {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == QLatin1String("qtooltip_label") && w->isVisible())
            return qobject_cast<QLabel*>(w);
    return nullptr;
}

} // namespace

class TestLiveOverlay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { widgets::initResources(); }

    void crashFromTheMenuShowsEverywhereAndRestartClearsIt() {
        LiveCanvas c;
        c.run.runTo(5);
        c.overlay.refresh();
        auto* card = c.scene.componentItem("payments");
        QVERIFY(c.overlay.nodeOverlay("payments"));
        QVERIFY(!c.overlay.nodeOverlay("payments")->showsDown());
        const int undoSteps = c.doc.undoStack()->count();

        QVERIFY(triggerMenu(c.scene, card, "Crash"));
        QVERIFY(c.sim().component(c.index("payments")).faults.down); // the core
        c.overlay.refresh();
        QVERIFY(c.overlay.nodeOverlay("payments")->showsDown());              // the card
        QCOMPARE(c.overlay.nodeOverlay("payments")->figures().instances, 0);  // none running
        QVERIFY(c.timeline.markTexts().filter("Crash payments").size() == 1); // the timeline
        QVERIFY(c.timeline.markTexts().filter("Crash payments").first().contains("now"));
        QCOMPARE(c.doc.undoStack()->count(), undoSteps); // a run-time event, not an edit
        c.timeline.resize(1000, c.timeline.sizeHint().height());
        bool hovered = false; // hovering over the mark names it
        for (int x = 0; x < c.timeline.width() && !hovered; ++x)
            for (int y = 0; y < c.timeline.height() && !hovered; y += 2)
                hovered = c.timeline.describeAt({x, y}).contains("Crash payments");
        QVERIFY(hovered);

        c.run.runTo(6);
        QVERIFY(triggerMenu(c.scene, card, "Restart"));
        QVERIFY(!c.sim().component(c.index("payments")).faults.down);
        c.overlay.refresh();
        QVERIFY(!c.overlay.nodeOverlay("payments")->showsDown());
        const QString mark = c.timeline.markTexts().filter("Crash payments").first();
        QVERIFY2(mark.contains("5.00 s – 6.00 s"), qPrintable(mark));
        QVERIFY(!triggerMenu(c.scene, card, "Restart")); // nothing left to restart
    }

    // "Heal It" ends every crash, slow-down and error burst on the component at once.
    void healItEndsEveryFaultOnTheComponent() {
        LiveCanvas c;
        c.run.runTo(5);
        auto* card = c.scene.componentItem("payments");
        QVERIFY(!triggerMenu(c.scene, card, "Heal It (end its faults now)")); // nothing to heal
        QVERIFY(triggerMenu(c.scene, card, "×5"));
        QVERIFY(triggerMenu(c.scene, card, "50%"));
        const auto& faults = c.sim().component(c.index("payments")).faults;
        QCOMPARE(faults.slowFactor, 5.0);
        QCOMPARE(faults.errorRate, 0.5);
        QVERIFY(triggerMenu(c.scene, card, "Heal It (end its faults now)"));
        QCOMPARE(faults.slowFactor, 1.0);
        QCOMPARE(faults.errorRate, 0.0);
        QVERIFY(!faults.down);
    }

    void cutAndHealALinkFromTheMenu() {
        LiveCanvas c;
        c.run.runTo(3);
        auto* link = c.scene.linkItem({"lb", "api-b"});
        QVERIFY(link);
        const auto lb = c.index("lb"), api = c.index("api-b");
        QVERIFY(triggerMenu(c.scene, link, "Cut (Partition)"));
        QVERIFY(c.sim().partitioned(lb, api));
        QVERIFY(c.sim().partitioned(api, lb));
        QVERIFY(!c.timeline.markTexts().filter("Partition lb ↔ api-b").isEmpty());
        QVERIFY(triggerMenu(c.scene, link, "Heal"));
        QVERIFY(!c.sim().partitioned(lb, api));
        QVERIFY(triggerMenu(c.scene, link, "10%"));
        QCOMPARE(c.sim().link(2).lossRate, 0.1); // lb → api-b: links are in the file's order
        QCOMPARE(c.sim().link(1).lossRate, 0.0); // lb → api-a: another link
        QVERIFY(triggerMenu(c.scene, link, "No Loss"));
        QCOMPARE(c.sim().link(2).lossRate, 0.0);
    }

    void rightClickOnAnOverlaySelectsItsCard() {
        // Edit actions act on the selection: a right-click on a card's busy bar must select
        // the card, or "Delete" would delete whatever was selected before.
        LiveCanvas c;
        c.view.show();
        c.run.runTo(2);
        c.overlay.refresh();
        c.scene.selectComponents({"lb"});
        auto* overlay = c.overlay.nodeOverlay("payments");
        const QPointF bar = overlay->mapToScene(QPointF(20, widgets::ComponentItem::kHeight + 10));
        QCOMPARE(c.scene.itemAt(bar, QTransform()), overlay);
        QTimer::singleShot(50, [] {
            if (QWidget* popup = QApplication::activePopupWidget()) popup->close();
        });
        const QPoint at = c.view.mapFromScene(bar);
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, c.view.viewport()->mapToGlobal(at));
        QApplication::sendEvent(c.view.viewport(), &event);
        QCOMPARE(c.scene.selectedComponentIds(), QStringList{"payments"});
    }

    void breakerBadgeFollowsTheCore() {
        // The drill fails 60% of payments' calls from 60 s: the breakers open.
        LiveCanvas c;
        const auto& breaker = *c.sim().link(3).breaker; // links are in the scenario's order
        QCOMPARE(c.run.scenario().links[3].from, std::string("api-a"));
        bool sawOpen = false, sawHalfOpen = false;
        for (double t = 1; t <= 100; t += 0.25) {
            c.run.runTo(t);
            c.overlay.refresh();
            auto* badge = c.overlay.breakerBadge("api-a", "payments");
            QVERIFY(badge);
            QCOMPARE(badge->state(), breaker.state());
            sawOpen |= breaker.state() == policies::CircuitBreaker::State::Open;
            sawHalfOpen |= breaker.state() == policies::CircuitBreaker::State::HalfOpen;
        }
        QVERIFY(sawOpen);
        QVERIFY(sawHalfOpen);
        QVERIFY(!c.timeline.markTexts().filter("Breaker api-a → payments OPEN").isEmpty());
    }

    void utilisationIsTheCoresFigureForTheInterval() {
        LiveCanvas c;
        c.run.runTo(20);
        c.overlay.refresh();
        c.run.runTo(21); // the chart row sampled at 21 s covers [20, 21]
        c.overlay.refresh();
        const auto& columns = c.run.columns();
        for (const char* id : {"api-a", "api-b", "payments"}) {
            const auto col =
                std::find(columns.begin(), columns.end(), std::string(id) + ".utilization");
            QVERIFY(col != columns.end());
            const double core = c.run.rows().back()[std::size_t(col - columns.begin())];
            const double shown = c.overlay.nodeOverlay(id)->shownUtilisation();
            qInfo("%s: utilisation shown %.6f, core %.6f", id, shown, core);
            QVERIFY(core > 0);
            QVERIFY(std::abs(shown - core) < 1e-9);
        }
    }

    // Hovering over a card during a run shows its mechanism: a cache's hottest keys and a
    // queue's partition offsets, in the tooltip the view pops up.
    void hoverShowsTheMechanismTables_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("cache") << QStringLiteral(SDLAB_EXAMPLES_DIR "/url-shortener.json")
                               << "cache" << QStringList{"Hottest keys", "Holds", "hit (cached)"};
        QTest::newRow("queue") << QStringLiteral(SDLAB_EXAMPLES_DIR "/async-orders.json")
                               << "orders"
                               << QStringList{"end offset", "committed", "analytics (stopped)"};
    }
    void hoverShowsTheMechanismTables() {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QStringList, expected);
        LiveCanvas c(file);
        c.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.view));
        c.run.runTo(40);
        c.overlay.refresh();
        auto* card = c.scene.componentItem(id);
        c.view.centerOn(card);
        const QPoint at = c.view.mapFromScene(card->sceneBoundingRect().center());
        QHelpEvent hover(QEvent::ToolTip, at, c.view.viewport()->mapToGlobal(at));
        QApplication::sendEvent(c.view.viewport(), &hover);
        QLabel* tip = nullptr;
        QTRY_VERIFY((tip = shownToolTip()));
        for (const QString& text : expected)
            QVERIFY2(tip->text().contains(text), qPrintable(text));
    }

    void playingRefreshesAtMostFifteenTimesASecond() {
        LiveCanvas c;
        c.run.setSpeed(20);
        QSignalSpy advanced(&c.run, &widgets::LiveRunController::advanced);
        QSignalSpy refreshed(&c.overlay, &widgets::LiveOverlay::refreshed);
        QElapsedTimer wall;
        wall.start();
        c.run.play();
        QTest::qWait(1000);
        c.run.pause();
        QTest::qWait(2 * widgets::LiveOverlay::kMinRefreshMs); // the last advance is shown
        const double seconds = double(wall.elapsed()) / 1000;
        qInfo("%lld advances, %lld refreshes in %.2f s", qlonglong(advanced.count()),
              qlonglong(refreshed.count()), seconds);
        QVERIFY(refreshed.count() >= 5);
        QVERIFY(refreshed.count() <= 1 + seconds * 1000 / widgets::LiveOverlay::kMinRefreshMs);
        QVERIFY(advanced.count() > refreshed.count());
        // What one refresh costs (the views' share of a frame).
        QElapsedTimer cost;
        cost.start();
        for (int k = 0; k < 100; ++k)
            c.overlay.refresh();
        qInfo("one refresh: %.3f ms", double(cost.nsecsElapsed()) / 1e6 / 100);
    }

    void cachesShowHitsAndDatabasesTheirRole() {
        LiveCanvas shortener(QStringLiteral(SDLAB_EXAMPLES_DIR "/url-shortener.json"));
        shortener.run.runTo(10);
        shortener.overlay.refresh();
        shortener.run.runTo(11);
        shortener.overlay.refresh();
        const auto& cache = shortener.overlay.nodeOverlay("cache")->figures();
        const auto& counters = shortener.sim().component(shortener.index("cache")).counters;
        QVERIFY(cache.reads > 0);
        QVERIFY(cache.hitRatio > 0 && cache.hitRatio < 1);
        QVERIFY(counters.readHits > 0);
        QCOMPARE(shortener.overlay.nodeOverlay("db")->figures().hitRatio, -1.0);
        QCOMPARE(shortener.overlay.nodeOverlay("app1")->figures().instances, 1);

        LiveCanvas failover(QStringLiteral(SDLAB_EXAMPLES_DIR "/zone-failover.json"));
        failover.run.runTo(5);
        failover.overlay.refresh();
        using Role = widgets::NodeFigures::Role;
        QCOMPARE(failover.overlay.nodeOverlay("db-a")->figures().role, Role::Primary);
        QCOMPARE(failover.overlay.nodeOverlay("db-b")->figures().role, Role::Replica);
        QCOMPARE(failover.overlay.nodeOverlay("api-a")->figures().role, Role::None);
        // The replica's lag: the writes it applied in the interval, each after the link's
        // exponential 30 ms (mean of a few hundred: within 25%), and exactly the core's.
        const auto& group = *static_cast<const components::Database&>(
                                 failover.sim().component(failover.index("db-b")))
                                 .group();
        const auto before = group.lagTotals(failover.index("db-b"));
        failover.run.runTo(15);
        failover.overlay.refresh();
        const auto after = group.lagTotals(failover.index("db-b"));
        const double lag = failover.overlay.nodeOverlay("db-b")->figures().lagMs;
        QVERIFY(after.second > before.second + 100);
        QCOMPARE(lag, (after.first - before.first) / double(after.second - before.second));
        QVERIFY2(std::abs(lag - 30) < 7.5, qPrintable(QString::number(lag)));
        QCOMPARE(failover.overlay.nodeOverlay("db-a")->figures().lagMs, -1.0);
        QVERIFY(failover.overlay.nodeOverlay("db-b")->toolTip().contains("Replication lag"));
        failover.run.runTo(100); // zone A went dark at 60 s: the standby took over
        failover.overlay.refresh();
        QVERIFY(failover.overlay.nodeOverlay("db-a")->showsDown());
        QCOMPARE(failover.overlay.nodeOverlay("db-b")->figures().role, Role::Primary);
    }

    void overlaysGoWithTheRun() {
        LiveCanvas c;
        c.run.runTo(2);
        c.overlay.refresh();
        QVERIFY(c.overlay.nodeOverlay("lb"));
        QTemporaryDir dir; // an export shows the design, not the run's figures
        const QString svg = dir.filePath("drill.svg");
        QVERIFY(widgets::exportDiagram(&c.scene, svg, 1, false, nullptr));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("Load balancer"));
        QVERIFY(!text.contains("busy"));
        QVERIFY(c.overlay.nodeOverlay("lb")->isVisible());
        c.view.show();
        const int drillStrip = c.timeline.height(); // two breaker lanes
        QCOMPARE(c.view.viewport()->geometry().bottom() + 1, c.timeline.y());
        c.run.load(model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/single-server.json"));
        c.overlay.refresh(); // another design's run: these cards are not in it
        QVERIFY(!c.overlay.nodeOverlay("lb"));
        QVERIFY(c.timeline.height() < drillStrip); // no breakers: no breaker lanes
        QCOMPARE(c.view.viewport()->geometry().bottom() + 1, c.timeline.y());
        c.run.load(c.doc.scenario());
        c.overlay.refresh();
        QVERIFY(!c.overlay.nodeOverlay("lb")); // at 0, before Play: the design uncluttered
        c.run.stepTime();
        c.overlay.refresh();
        QVERIFY(c.overlay.nodeOverlay("lb"));
        c.overlay.attach(nullptr);
        QVERIFY(!c.overlay.nodeOverlay("lb"));
        QVERIFY(!c.overlay.breakerBadge("api-a", "payments"));
    }

    void screenshots() {
        // SDLAB_SHOTS=<dir>: the docs' pictures of a drill mid-run, light and dark.
        const QString dir = qEnvironmentVariable("SDLAB_SHOTS");
        if (dir.isEmpty()) QSKIP("set SDLAB_SHOTS to a directory to save screenshots");
        for (const auto theme : {gui::Theme::Light, gui::Theme::Dark}) {
            gui::applyTheme(theme);
            LiveCanvas c;
            c.run.runTo(64);
            QVERIFY(triggerMenu(c.scene, c.scene.componentItem("api-b"), "×5"));
            c.run.runTo(65);
            c.overlay.refresh();
            c.view.show();
            c.view.fitToContents();
            QVERIFY(c.view.grab().save(
                QDir(dir).filePath(QStringLiteral("live-run-%1.png").arg(gui::themeName(theme)))));
        }
        gui::applyTheme(gui::Theme::Light);
        for (const char* name : {"url-shortener", "zone-failover", "async-orders"}) {
            LiveCanvas c(QStringLiteral(SDLAB_EXAMPLES_DIR "/%1.json").arg(name));
            c.run.runTo(std::min(40.0, c.run.scenario().durationS));
            c.overlay.refresh();
            c.view.show();
            c.view.fitToContents();
            QVERIFY(c.view.grab().save(QDir(dir).filePath(QStringLiteral("%1.png").arg(name))));
        }
    }
};

QTEST_MAIN(TestLiveOverlay)
#include "test_live_overlay.moc"
