// Run > Trace Next Request: the next request is followed through the design and shown as a
// waterfall whose rows are its spans, nested by caller, and whose root bar is its latency.
#include "canvas/canvas_scene.h"
#include "canvas/link_item.h"
#include "common/resources.h"
#include "gui/main_window.h"
#include "model/scenario_json.h"
#include "run/live_run_controller.h"
#include "run/trace_path.h"
#include "run/trace_waterfall.h"

#include <QAction>
#include <QDockWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace sdlab;

class TestTraceWaterfall : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { widgets::initResources(); }

    void tracesTheNextRequestFromTheRunMenu() {
        // users → a (2 ms) → b (3 ms) over 1 ms and 0.5 ms links: 8 ms end to end.
        QTemporaryDir dir;
        const QString file = dir.filePath("chain.json");
        std::ofstream(file.toStdString()) << R"({"version": 1, "duration_s": 10,
            "components": [
              {"id": "users", "type": "client", "rps": 10, "arrival": "constant", "read_ratio": 1},
              {"id": "a", "type": "service", "label": "Front",
               "service_time": {"dist": "deterministic", "mean_ms": 2}},
              {"id": "b", "type": "service", "label": "Back",
               "service_time": {"dist": "deterministic", "mean_ms": 3}}],
            "links": [{"from": "users", "to": "a", "latency_ms": 1},
                      {"from": "a", "to": "b", "latency_ms": 0.5}]})";
        gui::MainWindow window;
        window.setAutoAnswer(0);
        QVERIFY(window.openFile(file, true));
        window.show();
        auto* action = window.findChild<QAction*>("traceAction");
        QVERIFY(action);
        action->trigger();
        auto* controller = window.liveRun();
        QSignalSpy ready(controller, &widgets::LiveRunController::traceReady);
        for (int i = 0; i < 30 && ready.isEmpty(); ++i)
            controller->stepTime();
        QCOMPARE(ready.count(), 1);
        auto* waterfall = window.findChild<widgets::TraceWaterfall*>();
        QVERIFY(waterfall);
        QVERIFY(window.findChild<QDockWidget*>("traceDock")->isVisible());
        QCOMPARE(waterfall->rowCount(), 3); // users, Front, Back
        QVERIFY(std::abs(waterfall->totalMs() - 8.0) < 1e-9);
        // Nested: each bar lies within its caller's.
        for (int r = 1; r < 3; ++r) {
            QVERIFY(waterfall->barRect(r).left() >= waterfall->barRect(r - 1).left());
            QVERIFY(waterfall->barRect(r).right() <= waterfall->barRect(r - 1).right() + 1e-6);
        }
        QImage image = waterfall->grab().toImage();
        QVERIFY(!image.isNull());

        // On the canvas: the two calls, numbered in order, along their links, both OK.
        auto* path = window.tracePath();
        QVERIFY(path && path->isVisible());
        QCOMPARE(int(path->hops().size()), 2);
        const auto* first = window.scene()->linkItem({"users", "a"});
        const auto* second = window.scene()->linkItem({"a", "b"});
        QCOMPARE(path->hops()[0].number, 1);
        QVERIFY(first->sceneBoundingRect().contains(path->hops()[0].from));
        QVERIFY(second->sceneBoundingRect().contains(path->hops()[1].to));
        QCOMPARE(path->hops()[1].colour, widgets::spanColour(sim::Span{.ok = true}));
        QVERIFY(path->toolTip().contains("Call 2: a → b"));
        // Closing the waterfall, or restarting the run, takes the path away.
        window.findChild<QDockWidget*>("traceDock")->close();
        QVERIFY(!path->isVisible());
        action->trigger();
        for (int i = 0; i < 30 && ready.count() < 2; ++i)
            controller->stepTime();
        QVERIFY(path->isVisible());
        controller->restart();
        QVERIFY(!path->isVisible());
    }
};

QTEST_MAIN(TestTraceWaterfall)
#include "test_trace_waterfall.moc"
