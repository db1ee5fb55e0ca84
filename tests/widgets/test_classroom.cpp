// Classroom mode, driven as a teacher would, with real key and mouse events on the main
// window: presentation mode looks different and gives everything back when it ends; its keys
// play, step, restart and inject the step's fault (which reaches the core); a scripted demo's
// captions come and go with the simulated clock and its load change reaches the clients;
// annotations are drawn with the mouse and never touch the design, the undo stack or the file.
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/component_item.h"
#include "canvas/diagram_export.h"
#include "charts/charts_panel.h"
#include "charts/time_chart.h"
#include "classroom/annotation_items.h"
#include "classroom/annotation_layer.h"
#include "classroom/caption_bar.h"
#include "classroom/caption_track.h"
#include "classroom/classroom.h"
#include "classroom/lesson_strip.h"
#include "classroom/presentation_mode.h"
#include "classroom/presentation_overlays.h"
#include "common/canvas_look.h"
#include "common/resources.h"
#include "components/client.h"
#include "document/document.h"
#include "gui/main_window.h"
#include "lessons/lesson_panel.h"
#include "model/scenario_json.h"
#include "run/fault_timeline.h"
#include "run/live_overlay.h"
#include "run/live_run_controller.h"
#include "run/run_toolbar.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QSlider>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

using namespace sdlab;

namespace {

constexpr const char* kDemo = "flash-sale-demo.json";

QString example(const char* name) {
    return QStringLiteral(SDLAB_EXAMPLES_DIR "/") + name;
}

/// A shown, active main window with an example open.
struct Window {
    gui::MainWindow w;
    explicit Window(const char* file = kDemo) {
        w.setAutoAnswer(QMessageBox::Discard);
        if (!w.openFile(example(file), true)) qFatal("cannot open %s", file);
        w.resize(1400, 900);
        w.show();
        w.activateWindow(); // keys reach shortcuts only in the active window
        if (!QTest::qWaitForWindowActive(&w)) qWarning("the window is not active");
        QApplication::processEvents();
    }
    widgets::Classroom* classroom() const { return w.classroom(); }
    widgets::PresentationMode* presentation() const { return w.classroom()->presentation(); }
    widgets::AnnotationLayer* annotations() const { return w.classroom()->annotations(); }
    QWidget* viewport() const { return w.view()->viewport(); }
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(w.view(), Qt::Key(key), modifiers);
        QApplication::processEvents();
    }
    sim::Simulation& sim() const { return w.liveRun()->run()->simulation(); }
    sim::Index indexOf(const char* id) const {
        return sim::Index(w.liveRun()->scenario().indexOf(id));
    }
    components::Client* client(const char* id) const {
        return dynamic_cast<components::Client*>(&sim().component(indexOf(id)));
    }
};

QStringList visibleDocks(const QMainWindow& w) {
    QStringList names;
    for (auto* d : w.findChildren<QDockWidget*>())
        if (d->isVisible()) names << d->objectName();
    names.sort();
    return names;
}

QStringList visibleToolBars(const QMainWindow& w) {
    QStringList names;
    for (auto* t : w.findChildren<QToolBar*>())
        if (t->isVisible()) names << t->objectName();
    names.sort();
    return names;
}

/// Undo stack as a fingerprint: its size, position and clean state.
QString undoState(widgets::Document* doc) {
    const auto* u = doc->undoStack();
    return QStringLiteral("%1/%2/%3").arg(u->count()).arg(u->index()).arg(u->isClean());
}

QPoint onScreen(const gui::MainWindow& w, QPointF scenePos) {
    return w.view()->mapFromScene(scenePos);
}

/// Pixels of the annotation ink (magenta) in an image.
int inkPixels(const QImage& image) {
    const QColor ink = widgets::annotation::ink();
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - ink.red()) < 24 && std::abs(c.green() - ink.green()) < 24 &&
                 std::abs(c.blue() - ink.blue()) < 24;
        }
    return n;
}

void drag(QWidget* vp, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::mousePress(vp, Qt::LeftButton, modifiers, from);
    for (int k = 1; k <= 5; ++k)
        QTest::mouseMove(vp, from + (to - from) * k / 5);
    QTest::mouseRelease(vp, Qt::LeftButton, modifiers, to);
}

} // namespace

class TestClassroom : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        widgets::initResources();
        qputenv("SDLAB_LESSONS_DIR", SDLAB_LESSONS_DIR);
    }

    // F5 in, Esc out: full screen, docks and bars hidden, larger type, bolder strokes and the
    // projector palette — and afterwards everything as it was, the undo stack untouched.
    void presentationModeComesAndGoesLeavingNoTrace() {
        Window win;
        auto& w = win.w;
        w.view()->zoomOut();
        w.view()->horizontalScrollBar()->setValue(w.view()->horizontalScrollBar()->value() + 37);
        const QRect geometry = w.geometry();
        const QStringList docks = visibleDocks(w), bars = visibleToolBars(w);
        QVERIFY(docks.contains("paletteDock") && docks.contains("inspectorDock"));
        QVERIFY(!bars.isEmpty());
        auto* timeline = w.view()->findChild<widgets::FaultTimeline*>();
        QVERIFY(timeline);
        const qreal timelineFont = timeline->font().pointSizeF();
        const QPalette palette = QApplication::palette();
        const qreal zoom = w.view()->zoom();
        const int scroll = w.view()->horizontalScrollBar()->value();
        const QString undo = undoState(w.document());
        const QByteArray design = w.document()->serialized();

        win.key(Qt::Key_F5);
        QVERIFY(win.presentation()->active());
        QVERIFY(w.isFullScreen());
        QVERIFY2(visibleDocks(w).isEmpty(), qPrintable(visibleDocks(w).join(", ")));
        QVERIFY(visibleToolBars(w).isEmpty());
        QVERIFY(!w.menuBar()->isVisible());
        QVERIFY(!w.statusBar()->isVisible());
        QVERIFY(timeline->font().pointSizeF() >= 1.4 * timelineFont);
        QVERIFY(widgets::look::canvasLook().stroke > 1.5);
        QVERIFY(widgets::look::canvasLook().highContrast);
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::Text).lightness() < 20, true);
        QCOMPARE(undoState(w.document()), undo);

        win.key(Qt::Key_Escape);
        QApplication::processEvents();
        QVERIFY(!win.presentation()->active());
        QVERIFY(!w.isFullScreen());
        QCOMPARE(w.geometry(), geometry);
        QCOMPARE(visibleDocks(w), docks);
        QCOMPARE(visibleToolBars(w), bars);
        QVERIFY(w.menuBar()->isVisible() && w.statusBar()->isVisible());
        QCOMPARE(timeline->font().pointSizeF(), timelineFont);
        QCOMPARE(QApplication::palette().color(QPalette::Base), palette.color(QPalette::Base));
        QCOMPARE(QApplication::palette().color(QPalette::Text), palette.color(QPalette::Text));
        QCOMPARE(widgets::look::canvasLook().stroke, 1.0);
        QCOMPARE(w.view()->zoom(), zoom);
        QTRY_COMPARE(w.view()->horizontalScrollBar()->value(), scroll);
        QCOMPARE(undoState(w.document()), undo);
        QCOMPARE(w.document()->serialized(), design);
        QVERIFY(!w.isWindowModified());

        // F5 toggles too, and the View menu's entry says where we are.
        win.key(Qt::Key_F5);
        QVERIFY(win.presentation()->toggleAction()->isChecked());
        win.key(Qt::Key_F5);
        QVERIFY(!win.presentation()->active());
        QVERIFY(!win.presentation()->toggleAction()->isChecked());
    }

    // The look is the application's: a window closed while presenting gives it back.
    void closingWhilePresentingGivesTheLookBack() {
        const QPalette palette = QApplication::palette();
        const QString style = QApplication::style()->name();
        {
            Window win;
            win.key(Qt::Key_F5);
            QVERIFY(widgets::look::canvasLook().highContrast);
        }
        QVERIFY(!widgets::look::canvasLook().highContrast);
        QCOMPARE(widgets::look::canvasLook().stroke, 1.0);
        QCOMPARE(QApplication::palette().color(QPalette::Base), palette.color(QPalette::Base));
        QCOMPARE(QApplication::palette().color(QPalette::Text), palette.color(QPalette::Text));
        QCOMPARE(QApplication::style()->name(), style);
    }

    // Space plays and pauses, F brings the scenario's next scheduled fault to now — into the
    // core's fault state and log —, R restarts, → and ← move between the demo's moments.
    void keysDriveTheRun() {
        Window win;
        win.key(Qt::Key_F5);
        auto* run = win.w.liveRun();
        win.key(Qt::Key_Space);
        QVERIFY(run->playing());
        win.key(Qt::Key_Space);
        QVERIFY(!run->playing());

        run->runTo(12.5);
        const sim::Index db = win.indexOf("db");
        QVERIFY(!win.sim().component(db).faults.down);
        win.key(Qt::Key_F); // the crash planned at 45 s, now
        QVERIFY(win.sim().component(db).faults.down);
        const auto& log = win.sim().faultLog();
        QVERIFY(!log.empty());
        QCOMPARE(log.back().time, 12.5);
        QVERIFY(log.back().started);
        QCOMPARE(win.sim().fault(log.back().fault).kind, sim::Fault::Kind::Crash);
        QCOMPARE(win.sim().fault(log.back().fault).end, 12.5 + 40); // as long as planned
        QVERIFY(win.sim().fault(0).cleared); // the planned one will not strike again
        run->runTo(46);
        QCOMPARE(std::count_if(log.begin(), log.end(), [](const auto& e) { return e.started; }),
                 1L);
        win.key(Qt::Key_F); // none left: the class is told so
        QVERIFY(win.presentation()->overlays()->toastLabel()->isVisible());
        QVERIFY(
            win.presentation()->overlays()->toastLabel()->text().contains("No scheduled fault"));

        win.key(Qt::Key_R);
        QCOMPARE(run->now(), 0.0);
        QVERIFY(!win.sim().component(db).faults.down);
        QVERIFY(win.sim().faultLog().empty());

        win.key(Qt::Key_Right); // the demo's moments: 0, 20 (traffic ×2), 30, 45 (crash)…
        QCOMPARE(run->now(), 20.0);
        QCOMPARE(win.client("shoppers")->scheduledFactor(), 2.0);
        win.key(Qt::Key_PageDown);
        QCOMPARE(run->now(), 30.0);
        win.key(Qt::Key_Left); // back to the moment before the one just shown
        QCOMPARE(run->now(), 20.0);
        win.key(Qt::Key_PageUp);
        QCOMPARE(run->now(), 0.0);
        QCOMPARE(win.client("shoppers")->scheduledFactor(), 1.0);
        QVERIFY(!win.w.isWindowModified());
    }

    // F1 brings back the lesson in progress when its panel was closed; from the lesson, F1
    // goes to the list.
    void lessonsKeyReturnsToTheLessonInProgress() {
        Window win;
        auto* lessons = win.w.lessonPanel();
        win.w.showLessons();
        QVERIFY(lessons->openLesson("circuit-breaker"));
        auto* dock = win.w.findChild<QDockWidget*>("lessonsDock");
        dock->close();
        win.w.showLessons();
        QVERIFY(dock->isVisible());
        QVERIFY(lessons->playing()); // the lesson, not the list
        win.w.showLessons();
        QVERIFY(!lessons->playing()); // the list
    }

    // With a lesson open, → and ← are its steps, and the step shows large beside the canvas.
    void keysStepThroughALesson() {
        Window win;
        auto* lessons = win.w.lessonPanel();
        win.w.showLessons();
        QVERIFY(lessons->openLesson("load-balancing"));
        QVERIFY(lessons->lesson()->steps.size() >= 2);
        win.key(Qt::Key_F5);
        auto* strip = win.presentation()->lessonStrip();
        QVERIFY(win.presentation()->lessonDock()->isVisible());
        QCOMPARE(lessons->step(), 0);
        const QString first = strip->stepText();
        QVERIFY(first.contains(QString::fromStdString(lessons->lesson()->steps[0].title)));
        win.key(Qt::Key_Right);
        QCOMPARE(lessons->step(), 1);
        QVERIFY(
            strip->stepText().contains(QString::fromStdString(lessons->lesson()->steps[1].title)));
        win.key(Qt::Key_Left);
        QCOMPARE(lessons->step(), 0);
        QCOMPARE(strip->stepText(), first);
        win.key(Qt::Key_L); // the teacher wants the canvas alone
        QVERIFY(!win.presentation()->lessonDock()->isVisible());
        win.key(Qt::Key_Escape);
        QVERIFY(!win.presentation()->lessonDock()->isVisible());
        QVERIFY(visibleDocks(win.w).contains("lessonsDock"));
    }

    // A caption shows once the simulated clock reaches its at_s and goes after duration_s
    // (once read: a minimum reading time in wall-clock time); a `pause` caption stops play at
    // its very time, whatever the speed.
    void captionsFollowTheClock() {
        Window win;
        auto* run = win.w.liveRun();
        auto* track = win.classroom()->captions();
        auto* bar = win.classroom()->captionBar();
        track->setMinimumReadingTime(0);
        win.w.runToolbar()->ensureCurrent();
        QVERIFY(bar->isVisible()); // "A normal afternoon…" from 0 s
        run->runTo(19.9);
        QVERIFY(!bar->isVisible());
        run->runTo(20.05);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().startsWith("Flash sale!"));
        QCOMPARE(track->current(), 1);
        run->runTo(27.9);
        QVERIFY(bar->isVisible());
        run->runTo(28.01); // 20 + 8
        QVERIFY(!bar->isVisible());

        // Jumped over whole, a caption still shows, for its reading time.
        track->setMinimumReadingTime(300);
        run->runTo(40);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().startsWith("The cache takes"));
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 2000);

        // Big enough to read: a fifth of a card's height or more, at least 15 px.
        QVERIFY(bar->pixelSize() >= 15);

        // The crash caption pauses the run at 45 s exactly, even at 100×.
        run->setSpeed(100);
        run->play();
        QTRY_VERIFY_WITH_TIMEOUT(!run->playing(), 3000);
        QCOMPARE(run->now(), 45.0);
        QVERIFY(bar->text().startsWith("The primary database crashes"));
        // Restarting clears it; the first caption is back.
        run->restart();
        QCOMPARE(track->current(), 0);
    }

    // The load change reaches the client in the core at its time; the timeline lists it and
    // the captions.
    void scheduledLoadChangeReachesTheClients() {
        Window win;
        auto* run = win.w.liveRun();
        win.w.runToolbar()->ensureCurrent();
        run->runTo(19.99);
        QCOMPARE(win.client("shoppers")->scheduledFactor(), 1.0);
        QCOMPARE(win.client("shoppers")->currentRps(), 600.0);
        run->runTo(20);
        QCOMPARE(win.client("shoppers")->currentRps(), 1200.0);
        run->runTo(69.99);
        QCOMPARE(win.client("shoppers")->scheduledFactor(), 2.0);
        run->runTo(70);
        QCOMPARE(win.client("shoppers")->scheduledFactor(), 1.0);
        // The traffic slider still scales on top of the schedule.
        win.w.runToolbar()->trafficSlider()->setValue(150);
        QCOMPARE(win.client("shoppers")->currentRps(), 900.0);
        auto* timeline = win.w.view()->findChild<widgets::FaultTimeline*>();
        const QStringList marks = timeline->markTexts();
        QVERIFY2(marks.contains("Traffic ×2 (shoppers) from 20 s to 70 s"),
                 qPrintable(marks.join("\n")));
        QVERIFY(
            marks.filter("Caption at 45 s for 8 s (pauses the run): The primary database").size() ==
            1);
    }

    // Annotations: drawn with the mouse, kept on their own layer — no document edit, no undo
    // entry, not in the saved file —, pinned to the scene through pans and zooms, exported
    // with the diagram, removed with Delete and C.
    void annotationsNeverTouchTheDesign() {
        Window win;
        auto& w = win.w;
        auto* layer = win.annotations();
        auto* vp = win.viewport();
        w.runToolbar()->ensureCurrent();
        w.liveRun()->play();
        const QString undo = undoState(w.document());
        const QByteArray design = w.document()->serialized();
        auto* cache = w.scene()->componentItem("cache");
        const QPointF cachePos = cache->pos();

        win.key(Qt::Key_A);
        QVERIFY(layer->active());
        QVERIFY(!w.liveRun()->playing()); // freeze
        // An arrow dragged from empty canvas onto the cache card: the card stays put.
        const QPoint tip = onScreen(w, cache->cardSceneRect().center());
        drag(vp, tip + QPoint(-150, -160), tip);
        QCOMPARE(cache->pos(), cachePos);
        // A freehand highlight across the card, with Shift.
        drag(vp, tip + QPoint(-60, 30), tip + QPoint(60, 30), Qt::ShiftModifier);
        QCOMPARE(cache->pos(), cachePos);
        // A note: click, type (letters that are shortcuts too, and spaces), Enter.
        const QPoint noteAt = tip + QPoint(-260, 120);
        QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, noteAt);
        QVERIFY(layer->editing());
        QTest::keyClicks(w.view(), "a cache saves the db");
        QTest::keyClick(w.view(), Qt::Key_Return);
        QApplication::processEvents();
        QVERIFY(!layer->editing());
        QVERIFY(layer->active());         // 'a' was text, not the Annotate key
        QVERIFY(!w.liveRun()->playing()); // nor were the spaces Play

        const auto marks = layer->annotations();
        QCOMPARE(marks.size(), 3);
        QList<widgets::AnnotationNote*> notes;
        QList<widgets::AnnotationArrow*> arrows;
        for (auto* m : marks) {
            if (auto* n = dynamic_cast<widgets::AnnotationNote*>(m)) notes << n;
            if (auto* a = dynamic_cast<widgets::AnnotationArrow*>(m)) arrows << a;
        }
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0]->toPlainText(), QStringLiteral("a cache saves the db"));
        QCOMPARE(arrows.size(), 1);
        QVERIFY(QLineF(arrows[0]->line().p2(), cache->cardSceneRect().center()).length() < 3);
        QCOMPARE(undoState(w.document()), undo);
        QCOMPARE(w.document()->serialized(), design);
        QVERIFY(!w.isWindowModified());

        // Pinned to the diagram: zooming and panning move them with it.
        const QPointF notePos = notes[0]->scenePos();
        const QPoint before = onScreen(w, notePos);
        w.view()->zoomIn();
        w.view()->horizontalScrollBar()->setValue(w.view()->horizontalScrollBar()->value() + 40);
        QCOMPARE(notes[0]->scenePos(), notePos);
        QVERIFY(onScreen(w, notePos) != before);

        // Saved files know nothing of them; exports show them.
        QTemporaryDir dir;
        const QString path = dir.filePath("demo.json");
        QVERIFY(w.document()->saveAs(path, nullptr));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY(!text.contains("saves the db"));
        QCOMPARE(text, design);
        QCOMPARE(undoState(w.document()).section('/', 0, 1), undo.section('/', 0, 1));
        const QString png = dir.filePath("diagram.png");
        QVERIFY(widgets::exportDiagram(w.scene(), png, 1, false, nullptr));
        QVERIFY(inkPixels(QImage(png)) > 200);

        // Delete removes the selected mark (no undo step), C clears the rest.
        QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier,
                          onScreen(w, arrows[0]->line().pointAt(0.4)));
        QVERIFY(arrows[0]->isSelected());
        const int undoCount = w.document()->undoStack()->count();
        win.key(Qt::Key_Delete);
        QCOMPARE(layer->annotations().size(), 2);
        QCOMPARE(w.document()->undoStack()->count(), undoCount);
        win.key(Qt::Key_C);
        QVERIFY(layer->annotations().isEmpty());
        QVERIFY(widgets::exportDiagram(w.scene(), png, 1, false, nullptr));
        QCOMPARE(inkPixels(QImage(png)), 0);

        // Out of annotate mode (Esc, as A) the canvas is the editor again: cards move.
        win.key(Qt::Key_Escape);
        QVERIFY(!layer->active());
        drag(vp, tip, tip + QPoint(40, 40));
        QVERIFY(cache->pos() != cachePos);
        QVERIFY(w.document()->undoStack()->count() > undoCount);
    }

    // What the class sees: the grab of presentation mode shows the caption and the marks
    // (set SDLAB_SHOTS_DIR to keep the picture; a 1920×1080 offscreen screen makes it a
    // projector's: QT_QPA_PLATFORM=offscreen:configfile=screen.json).
    void theClassSeesCaptionAndMarks() {
        Window win;
        auto& w = win.w;
        win.key(Qt::Key_F5);
        win.presentation()->overlays()->hideHelp();
        w.runToolbar()->ensureCurrent();
        w.liveRun()->runTo(33);
        QTest::qWait(2 * widgets::LiveOverlay::kMinRefreshMs); // the cards' figures catch up
        auto* cache = w.scene()->componentItem("cache");
        auto* db = w.scene()->componentItem("db");
        win.key(Qt::Key_A);
        const QPoint cacheAt = onScreen(w, cache->cardSceneRect().center());
        const QPoint dbAt = onScreen(w, db->cardSceneRect().bottomLeft());
        const int h = w.view()->mapFromScene(QRectF(0, 0, 1, 64)).boundingRect().height();
        drag(win.viewport(), cacheAt + QPoint(-h, 2 * h), cacheAt + QPoint(0, h / 2));
        drag(win.viewport(), dbAt + QPoint(-h / 4, h / 3), dbAt + QPoint(h * 3, h / 3),
             Qt::ShiftModifier);
        QTest::mouseClick(win.viewport(), Qt::LeftButton, Qt::NoModifier,
                          cacheAt + QPoint(-3 * h, 2 * h));
        QTest::keyClicks(w.view(), "Hit ratio 70%: the DB is spared");
        QTest::keyClick(w.view(), Qt::Key_Return);
        const auto save = [&w](const char* name) {
            if (qEnvironmentVariableIsSet("SDLAB_SHOTS_DIR"))
                w.grab().save(qEnvironmentVariable("SDLAB_SHOTS_DIR") + "/" + name);
        };
        QVERIFY(win.presentation()->overlays()->banner()->isVisible()); // says what to do
        save("presentation-annotating.png");
        win.key(Qt::Key_Escape); // annotating ends, presentation goes on
        QVERIFY(!win.presentation()->overlays()->banner()->isVisible());
        QVERIFY(win.presentation()->active());
        QApplication::processEvents();
        const QImage shot = w.grab().toImage();
        save("presentation.png");
        QVERIFY(inkPixels(shot) > 300);
        QVERIFY(win.classroom()->captionBar()->isVisible());
        const QRect band = win.classroom()->captionBar()->geometry().translated(
            win.classroom()->captionBar()->parentWidget()->mapTo(&w, QPoint(0, 0)));
        QCOMPARE(shot.pixelColor(band.left() + 12, band.center().y()).lightness() < 40, true);

        // G brings the charts in, with bolder lines and larger type; leaving puts them back.
        auto* latency = w.chartsPanel()->charts().front();
        QVERIFY(latency->plot()->graphCount() > 0);
        const qreal normalType = QApplication::font().pointSizeF();
        win.key(Qt::Key_G);
        QVERIFY(w.chartsPanel()->isVisible());
        QVERIFY(latency->plot()->graph(0)->pen().widthF() >= 3.5);
        QVERIFY(latency->plot()->xAxis->tickLabelFont().pointSizeF() >= 1.4 * normalType);
        w.chartsPanel()->replotNow();
        save("presentation-charts.png");
        win.key(Qt::Key_H); // the card of keys
        QVERIFY(win.presentation()->overlays()->helpVisible());
        save("presentation-keys.png");
        win.key(Qt::Key_H);
        QVERIFY(!win.presentation()->overlays()->helpVisible());
        win.key(Qt::Key_Escape);
        auto* chartsDock = w.findChild<QDockWidget*>("chartsDock");
        chartsDock->show();
        chartsDock->raise();
        QTRY_COMPARE(latency->plot()->graph(0)->pen().widthF(), 2.0);
        QTRY_COMPARE(latency->plot()->xAxis->tickLabelFont().pointSizeF(),
                     std::max(10.0, normalType));
    }

    // Deleting or renaming what the demo's schedule names keeps the design loadable and
    // runnable; Undo brings the schedule back with the components.
    void theScheduleFollowsTheDesign() {
        Window win;
        auto* doc = win.w.document();
        const std::string original = doc->serialized().toStdString();
        QVERIFY(doc->renameComponent("shoppers", "buyers"));
        QCOMPARE(doc->scenario().loadChanges[0].targets, std::vector<std::string>{"buyers"});
        doc->removeItems({"db", "buyers"}, {});
        QVERIFY(doc->scenario().faults.empty());               // the crash of db
        QVERIFY(doc->scenario().loadChanges.empty());          // the sale of the buyers
        model::parseScenario(doc->serialized().toStdString()); // would throw if not loadable
        win.w.runToolbar()->ensureCurrent();
        win.w.liveRun()->runTo(win.w.liveRun()->scenario().durationS); // and runs through
        QVERIFY(win.w.liveRun()->finished());
        doc->undoStack()->undo(); // the deletion, schedule included, in one step
        QCOMPARE(doc->scenario().faults.size(), std::size_t(1));
        QCOMPARE(doc->scenario().loadChanges[0].targets, std::vector<std::string>{"buyers"});
        doc->undoStack()->undo();
        QCOMPARE(doc->serialized().toStdString(), original);
    }

    // Another file takes the marks away; they stay when the run resumes.
    void marksStayWithTheirDiagram() {
        Window win;
        auto* layer = win.annotations();
        win.key(Qt::Key_A);
        drag(win.viewport(), QPoint(100, 100), QPoint(300, 200));
        QCOMPARE(layer->annotations().size(), 1);
        win.key(Qt::Key_Space); // resume: kept
        QCOMPARE(layer->annotations().size(), 1);
        QVERIFY(win.w.openFile(example("url-shortener.json"), true));
        QVERIFY(layer->annotations().isEmpty());
    }
};

QTEST_MAIN(TestClassroom)
#include "test_classroom.moc"
