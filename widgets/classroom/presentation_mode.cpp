#include "presentation_mode.h"

#include "annotation_layer.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "caption_bar.h"
#include "lesson_strip.h"
#include "lessons/lesson_panel.h"
#include "presentation_overlays.h"
#include "projector_palette.h"
#include "run/fault_actions.h"
#include "run/live_run_controller.h"
#include "run/run_toolbar.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QToolBar>
#include <algorithm>
#include <set>

namespace sdlab::widgets {

namespace {

/// The moments a scripted demo is told by: when its captions, faults and load changes begin.
std::vector<double> demoMoments(const model::Scenario& s) {
    std::set<double> at;
    for (const auto& c : s.captions)
        at.insert(c.atS);
    for (const auto& f : s.faults)
        at.insert(f.atS);
    for (const auto& l : s.loadChanges)
        at.insert(l.atS);
    return {at.begin(), at.end()};
}

QFont scaled(QFont font, qreal factor) {
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(qRound(font.pixelSize() * factor));
    return font;
}

} // namespace

PresentationMode::PresentationMode(const ClassroomParts& parts, AnnotationLayer* annotations,
                                   CaptionBar* caption, QObject* parent)
    : QObject(parent)
    , parts_(parts)
    , annotations_(annotations)
    , caption_(caption)
    , toggle_(new QAction(tr("&Presentation Mode"), this))
    , strip_(new LessonStrip(parts.lessons))
    , stripDock_(new QDockWidget(tr("Lesson Step"), parts.window))
    , overlays_(new PresentationOverlays(parts.view, parts.run, annotations, this)) {
    toggle_->setObjectName("presentationAction");
    toggle_->setIconText(tr("Present"));
    toggle_->setCheckable(true);
    toggle_->setShortcut(QKeySequence(Qt::Key_F5));
    toggle_->setToolTip(tr("Full screen for a class: big type, bold lines, keys drive the run"));
    connect(toggle_, &QAction::triggered, this, [this](bool on) { on ? enter() : leave(); });
    parts_.window->addAction(toggle_);

    stripDock_->setObjectName("lessonStripDock");
    stripDock_->setWidget(strip_);
    stripDock_->setFeatures(QDockWidget::NoDockWidgetFeatures);
    stripDock_->setTitleBarWidget(new QWidget(stripDock_)); // no title bar: it is a page
    parts_.window->addDockWidget(Qt::RightDockWidgetArea, stripDock_);
    stripDock_->hide();
    addKeys();
    parts_.view->viewport()->installEventFilter(this);

    connect(parts_.lessons, &LessonPanel::stepChanged, this, [this] {
        if (active_) showLessonStrip(strip_->hasStep() && stripWanted_);
    });
    // A step's design arrives fitted for the editor; refit it for the wall.
    connect(parts_.lessons, &LessonPanel::designLoaded, this, [this] {
        if (active_) QTimer::singleShot(0, this, &PresentationMode::fitDiagram);
    });
}

PresentationMode::~PresentationMode() {
    // Closed while presenting: the look is the application's, not the window's, and outlives
    // it. (The window's own state goes with it.)
    if (active_) restoreApplicationLook();
}

void PresentationMode::restoreApplicationLook() {
    look::setCanvasLook(saved_.look);
    QApplication::setStyle(QStyleFactory::create(saved_.style));
    QApplication::setPalette(saved_.palette);
}

QAction* PresentationMode::addKey(const QString& text, const QList<QKeySequence>& keys,
                                  std::function<void()> act) {
    auto* a = new QAction(text, this);
    a->setShortcuts(keys);
    a->setEnabled(false); // only while presenting: the editor has its own uses for these keys
    connect(a, &QAction::triggered, this, std::move(act));
    parts_.window->addAction(a);
    keys_ << a;
    return a;
}

void PresentationMode::addKeys() {
    const auto run = [](QAction* action) { return [action] { action->trigger(); }; };
    addKey(tr("Play / Pause"), {QKeySequence(Qt::Key_Space)}, run(parts_.runBar->playAction()));
    addKey(tr("Next Step"), {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)},
           [this] { next(); });
    addKey(tr("Previous Step"), {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)},
           [this] { previous(); });
    addKey(tr("Inject the Step's Fault"), {QKeySequence(Qt::Key_F)}, [this] { injectFault(); });
    addKey(tr("Restart"), {QKeySequence(Qt::Key_R)}, run(parts_.runBar->restartAction()));
    addKey(tr("Leave"), {QKeySequence(Qt::Key_Escape)}, [this] { escape(); });
    addKey(tr("Remove the Mark"), {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)},
           [this] { annotations_->deleteSelected(); });
    addKey(tr("Charts"), {QKeySequence(Qt::Key_G)}, [this] { toggleCharts(); });
    addKey(tr("Lesson Step"), {QKeySequence(Qt::Key_L)}, [this] { toggleLessonStrip(); });
    addKey(tr("Keys"), {QKeySequence(Qt::Key_H), QKeySequence(Qt::Key_Question)},
           [this] { toggleHelp(); });
}

void PresentationMode::enter() {
    if (active_) return;
    auto* w = parts_.window;
    saved_.geometry = w->geometry();
    saved_.state = w->saveState();
    saved_.windowState = w->windowState();
    saved_.menuBar = !w->menuBar()->isHidden();
    saved_.statusBar = !w->statusBar()->isHidden();
    saved_.palette = QApplication::palette();
    saved_.style = QApplication::style()->name();
    saved_.look = look::canvasLook();
    saved_.transform = parts_.view->transform();
    saved_.scroll = {parts_.view->horizontalScrollBar()->value(),
                     parts_.view->verticalScrollBar()->value()};
    saved_.horizontalBar = parts_.view->horizontalScrollBarPolicy();
    saved_.verticalBar = parts_.view->verticalScrollBarPolicy();
    active_ = true;
    toggle_->setChecked(true);
    for (auto* dock : w->findChildren<QDockWidget*>())
        dock->hide();
    for (auto* bar : w->findChildren<QToolBar*>())
        bar->hide();
    w->menuBar()->hide();
    w->statusBar()->hide();
    parts_.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // panning still works
    parts_.view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    applyLook();
    w->showFullScreen();
    for (auto* key : std::as_const(keys_))
        key->setEnabled(true);
    stripWanted_ = true;
    showLessonStrip(strip_->hasStep());
    caption_->setPresenting(true);
    overlays_->setShown(true);
    overlays_->showHelp();
    parts_.view->setFocus();
    fitDiagram();
    QTimer::singleShot(0, this, [this] {
        if (!active_) return;
        // An X11 display without a window manager ignores full screen: cover it anyway.
        auto* w = parts_.window;
        if (w->screen() && w->geometry() != w->screen()->geometry()) {
            w->setGeometry(w->screen()->geometry());
            w->setWindowState(w->windowState() | Qt::WindowFullScreen); // the move cleared it
        }
        fitDiagram(); // again at the full-screen size
    });
    emit activeChanged(true);
}

void PresentationMode::applyLook() {
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    saved_.fonts.clear();
    enlarge(parts_.timeline, kFontScale);
    enlarge(parts_.charts, kFontScale);
    enlarge(strip_, kStepFontScale);
    look::setCanvasLook({kStrokeScale, kDotScale, true});
    // After the fonts and strokes: charts restyle themselves with them on a palette change.
    QApplication::setPalette(projectorPalette(dark));
    parts_.view->scene()->update();
}

void PresentationMode::leave() {
    if (!active_) return;
    active_ = false;
    toggle_->setChecked(false);
    for (auto* key : std::as_const(keys_))
        key->setEnabled(false);
    overlays_->setShown(false);
    caption_->setPresenting(false);
    stripDock_->hide();
    for (const auto& [widget, font] : saved_.fonts)
        if (widget) widget->setFont(font ? *font : QFont()); // QFont(): inherit again
    saved_.fonts.clear();
    restoreApplicationLook();
    auto* w = parts_.window;
    w->setWindowState(saved_.windowState);
    if (!(saved_.windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        w->setGeometry(saved_.geometry);
    w->restoreState(saved_.state);
    w->menuBar()->setVisible(saved_.menuBar);
    w->statusBar()->setVisible(saved_.statusBar);
    parts_.view->setHorizontalScrollBarPolicy(saved_.horizontalBar);
    parts_.view->setVerticalScrollBarPolicy(saved_.verticalBar);
    parts_.view->setZoom(saved_.transform.m11());
    const auto scroll = [this] {
        parts_.view->horizontalScrollBar()->setValue(saved_.scroll.x());
        parts_.view->verticalScrollBar()->setValue(saved_.scroll.y());
    };
    scroll();
    QTimer::singleShot(0, this, scroll); // once the view has its old size back
    parts_.view->scene()->update();
    emit activeChanged(false);
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
    // The canvas' size settles late (full screen, the lesson step shown or hidden): refit.
    if (active_ && watched == parts_.view->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, [this] {
            if (active_) fitDiagram();
        });
    return QObject::eventFilter(watched, event);
}

void PresentationMode::enlarge(QWidget* widget, qreal factor) {
    if (!widget) return;
    saved_.fonts.push_back({widget, widget->testAttribute(Qt::WA_SetFont)
                                        ? std::optional(widget->font())
                                        : std::nullopt});
    widget->setFont(scaled(widget->font(), factor));
}

void PresentationMode::fitDiagram() {
    auto* scene = qobject_cast<CanvasScene*>(parts_.view->scene());
    const QRectF content = scene ? scene->contentRect() : QRectF();
    if (content.isEmpty()) return;
    // Room below the cards for their live bars and chips, and for a caption.
    const QRectF frame = content.adjusted(-20, -20, 20, 70);
    parts_.view->fitInView(frame, Qt::KeepAspectRatio);
    parts_.view->setZoom(std::min(parts_.view->zoom(), kMaxZoom));
    parts_.view->centerOn(frame.center());
}

void PresentationMode::showLessonStrip(bool on) {
    stripDock_->setVisible(on);
    if (on)
        parts_.window->resizeDocks({stripDock_}, {int(parts_.window->width() * 0.3)},
                                   Qt::Horizontal);
}

void PresentationMode::next() {
    if (parts_.lessons->playing()) {
        parts_.lessons->openStep(parts_.lessons->step() + 1);
        return;
    }
    parts_.runBar->ensureCurrent();
    const auto moments = demoMoments(parts_.run->scenario());
    const auto it = std::upper_bound(moments.begin(), moments.end(), parts_.run->now() + 1e-9);
    if (it == moments.end()) {
        emit message(tr("No scripted moment left: Space plays on."));
        return;
    }
    jumpTo(*it);
}

void PresentationMode::previous() {
    if (parts_.lessons->playing()) {
        parts_.lessons->openStep(parts_.lessons->step() - 1);
        return;
    }
    parts_.runBar->ensureCurrent();
    // Pressed just after a moment, go to the one before it: it was shown already.
    const auto moments = demoMoments(parts_.run->scenario());
    const auto it = std::lower_bound(moments.begin(), moments.end(), parts_.run->now() - 0.5);
    const double target = it == moments.begin() ? 0.0 : *std::prev(it);
    parts_.runBar->restartAction()->trigger();
    if (target > 0) jumpTo(target);
}

void PresentationMode::jumpTo(double t) {
    parts_.run->runTo(t);
}

void PresentationMode::injectFault() {
    parts_.runBar->ensureCurrent();
    if (!parts_.faults->injectNextScheduled())
        emit message(tr("No scheduled fault left to inject: right-click a component to break "
                        "it."));
}

void PresentationMode::escape() {
    if (annotations_->active())
        annotations_->setActive(false); // first Esc ends annotating, as a pen tool does
    else
        leave();
}

void PresentationMode::toggleCharts() {
    if (!parts_.charts) return;
    parts_.charts->setVisible(!parts_.charts->isVisible());
    if (!parts_.charts->isVisible()) return;
    parts_.charts->raise();
    // Wide enough for the class to read the axes (leave() gives the editor its width back).
    parts_.window->resizeDocks({parts_.charts}, {int(parts_.window->width() * 0.32)},
                               Qt::Horizontal);
}

void PresentationMode::toggleLessonStrip() {
    stripWanted_ = !stripWanted_;
    showLessonStrip(strip_->hasStep() && stripWanted_);
}

void PresentationMode::toggleHelp() {
    if (overlays_->helpVisible())
        overlays_->hideHelp();
    else
        overlays_->showHelp(0);
}

} // namespace sdlab::widgets
