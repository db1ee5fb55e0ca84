#include "main_window.h"

#include "analysis/topology_analysis.h"
#include "autosave.h"
#include "canvas/alignment.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/component_item.h"
#include "canvas/diagram_export.h"
#include "charts/charts_panel.h"
#include "classroom/annotation_layer.h"
#include "classroom/classroom.h"
#include "classroom/presentation_mode.h"
#include "document/document.h"
#include "inspector/inspector_widget.h"
#include "lessons/lesson_catalog.h"
#include "lessons/lesson_panel.h"
#include "palette/palette_widget.h"
#include "run/fault_actions.h"
#include "run/fault_timeline.h"
#include "run/live_overlay.h"
#include "run/live_run_controller.h"
#include "run/packet_layer.h"
#include "run/run_toolbar.h"
#include "run/sweep_dialog.h"
#include "run/trace_path.h"
#include "run/trace_waterfall.h"
#include "theme.h"
#include "welcome_page.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

namespace sdlab::gui {

namespace {
constexpr const char* kClipboardMime = "application/x-sdlab-clipboard";
constexpr int kMaxRecent = 8;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , doc_(new widgets::Document(this))
    , scene_(new widgets::CanvasScene(doc_, this))
    , view_(new widgets::CanvasView(scene_))
    , palette_(new widgets::PaletteWidget)
    , inspector_(new widgets::InspectorWidget(doc_))
    , liveRun_(new widgets::LiveRunController(this))
    , runBar_(new widgets::RunToolbar(liveRun_, doc_, this))
    , charts_(new widgets::ChartsPanel(liveRun_))
    , lessons_(new widgets::LessonPanel(doc_, widgets::findLessonsDir()))
    , welcome_(new WelcomePage)
    , stack_(new QStackedWidget)
    , undoView_(new QUndoView(doc_->undoStack()))
    , analysisLabel_(new QLabel)
    , zoomLabel_(new QLabel)
    , analysisTimer_(new QTimer(this))
    , autosave_(new Autosave(doc_, this)) {
    setWindowIcon(QIcon(":/icons/sdlab.svg"));
    stack_->addWidget(welcome_);
    stack_->addWidget(view_);
    setCentralWidget(stack_);
    createActions();
    createMenus();
    createDocks();
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    auto* separator2 = new QAction(this);
    separator2->setSeparator(true);
    scene_->setContextActions({cutAct_, copyAct_, pasteAct_, duplicateAct_, deleteAct_, separator,
                               groupAct_, ungroupAct_, separator2, fitAct_});
    attachLiveOverlays();
    attachClassroom();

    analysisLabel_->setTextFormat(Qt::RichText);
    statusBar()->addPermanentWidget(analysisLabel_);
    statusBar()->addPermanentWidget(zoomLabel_);
    zoomLabel_->setText(QStringLiteral("100%"));
    analysisTimer_->setSingleShot(true);
    analysisTimer_->setInterval(0); // after the current edit has fully landed
    connect(analysisTimer_, &QTimer::timeout, this, &MainWindow::runAnalysis);

    connect(doc_, &widgets::Document::changed, this, &MainWindow::scheduleAnalysis);
    connect(doc_, &widgets::Document::changed, this, &MainWindow::refreshTitle);
    connect(doc_, &widgets::Document::filePathChanged, this, &MainWindow::refreshTitle);
    connect(doc_, &widgets::Document::reset, this, &MainWindow::refreshTitle);
    const auto showStatus = [this](const QString& text) { statusBar()->showMessage(text, 8000); };
    connect(scene_, &widgets::CanvasScene::statusMessage, this, showStatus);
    connect(runBar_, &widgets::RunToolbar::statusMessage, this, showStatus);
    connect(view_, &widgets::CanvasView::spaceTapped, runBar_->playAction(), &QAction::trigger);
    connect(scene_, &QGraphicsScene::selectionChanged, this, &MainWindow::selectionChanged);
    connect(view_, &widgets::CanvasView::zoomChanged, this,
            [this](qreal z) { zoomLabel_->setText(QStringLiteral("%1%").arg(qRound(z * 100))); });
    connect(palette_, &widgets::PaletteWidget::addRequested, this, [this](const QString& type) {
        showCanvas();
        const QString id = doc_->addComponent(type, scene_->freeSpot());
        scene_->selectComponents({id});
        view_->ensureVisible(scene_->componentItem(id));
    });
    connect(welcome_, &WelcomePage::newRequested, this, &MainWindow::newDocument);
    connect(welcome_, &WelcomePage::openRequested, this, &MainWindow::open);
    connect(welcome_, &WelcomePage::fileRequested, this, [this](const QString& p) {
        if (maybeSave()) openFile(p);
    });
    connect(welcome_, &WelcomePage::exampleRequested, this, &MainWindow::openExample);
    lessons_->setBeforeLessonStarts([this] {
        if (!maybeSave()) return false;
        doc_->newScenario();
        return true;
    });
    connect(lessons_, &widgets::LessonPanel::designLoaded, this, [this] {
        showCanvas();
        fitWhenLaidOut();
    });

    doc_->newScenario();
    welcome_->setRecentFiles(QSettings().value("recentFiles").toStringList());
    showWelcome();
    resize(1400, 900);
}

void MainWindow::attachLiveOverlays() {
    liveOverlay_ = new widgets::LiveOverlay(scene_, this);
    liveOverlay_->attach(liveRun_);
    packets_ = new widgets::PacketLayer(scene_, this);
    packets_->attach(liveRun_);
    auto* faults = faultActions_ = new widgets::FaultActions(scene_, liveRun_, this);
    connect(faults, &widgets::FaultActions::faultsChanged, this,
            [this](const QString& what) { statusBar()->showMessage(what, 5000); });
    faultTimeline_ = new widgets::FaultTimeline;
    view_->setFooter(faultTimeline_);
    faultTimeline_->attach(liveRun_);
}

void MainWindow::attachClassroom() {
    classroom_ = new widgets::Classroom(
        {this, view_, liveRun_, runBar_, lessons_, faultActions_, chartsDock_, faultTimeline_},
        this);
    auto* presentation = classroom_->presentation();
    auto* annotations = classroom_->annotations();
    viewMenuDocks_->insertAction(welcomeAct_, presentation->toggleAction());
    viewMenuDocks_->insertSeparator(welcomeAct_);
    if (auto* bar = findChild<QToolBar*>("mainToolBar")) {
        bar->addSeparator();
        bar->addActions({presentation->toggleAction(), annotations->toggleAction(),
                         annotations->clearAction()});
    }
    presentation->toggleAction()->setIcon(QIcon(":/icons/present.svg"));
    annotations->toggleAction()->setIcon(QIcon(":/icons/annotate.svg"));
    connect(presentation, &widgets::PresentationMode::activeChanged, this, [this](bool on) {
        if (on) showCanvas();
    });
}

void MainWindow::attachTracing(QMenu* runMenu) {
    waterfall_ = new widgets::TraceWaterfall;
    // The traced request's calls, numbered on the canvas, for as long as its waterfall shows
    // and the run it came from is the one on screen.
    tracePath_ = new widgets::TracePath(scene_);
    tracePath_->clear();
    connect(liveRun_, &widgets::LiveRunController::stateChanged, tracePath_, [this] {
        if (!liveRun_->loaded() || liveRun_->now() == 0) tracePath_->clear();
    });
    connect(doc_, &widgets::Document::changed, tracePath_, &widgets::TracePath::clear);
    traceDock_ = new QDockWidget(tr("Trace"), this);
    traceDock_->setObjectName("traceDock");
    traceDock_->setWidget(waterfall_);
    addDockWidget(Qt::BottomDockWidgetArea, traceDock_);
    traceDock_->hide();
    connect(traceDock_, &QDockWidget::visibilityChanged, tracePath_, [this](bool visible) {
        if (!visible && !traceDock_->isVisible()) tracePath_->clear(); // closed, not tabbed away
    });
    auto* sweep = runMenu->addAction(tr("What-if &Sweep…"));
    sweep->setObjectName("sweepAction");
    sweep->setToolTip(tr("Run the design over a range of one parameter and find the knee"));
    connect(sweep, &QAction::triggered, this, [this] {
        auto* dialog = new widgets::SweepDialog(doc_->scenario(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    auto* trace = runMenu->addAction(tr("&Trace Next Request"));
    trace->setObjectName("traceAction");
    trace->setShortcut(QKeySequence(Qt::Key_T));
    trace->setToolTip(tr("Follow the next request through the design, span by span"));
    connect(trace, &QAction::triggered, this, [this] {
        runBar_->ensureCurrent();
        liveRun_->traceNextRequest();
        statusBar()->showMessage(liveRun_->playing()
                                     ? tr("Tracing the next request…")
                                     : tr("Tracing the next request: press Play or step."),
                                 5000);
    });
    connect(liveRun_, &widgets::LiveRunController::traceReady, this, [this] {
        QStringList names;
        for (const auto& c : liveRun_->scenario().components)
            names << doc_->componentName(QString::fromStdString(c.id));
        waterfall_->setTrace(*liveRun_->run()->simulation().trace(), names);
        tracePath_->show(*liveRun_->run()->simulation().trace(), liveRun_->run()->simulation(),
                         liveRun_->scenario());
        traceDock_->show();
        traceDock_->raise();
        statusBar()->showMessage(
            tr("Traced one request: %1 ms end to end").arg(waterfall_->totalMs(), 0, 'f', 1), 5000);
    });
}

MainWindow::~MainWindow() {
    // The scene outlives the docks while children are deleted; its items would still report
    // selection changes to a half-destroyed inspector.
    scene_->disconnect(this);
}

void MainWindow::createActions() {
    auto make = [this](const QString& text, const QKeySequence& key, auto slot,
                       const QString& icon = {}) {
        auto* a = new QAction(text, this);
        if (!key.isEmpty()) a->setShortcut(key);
        if (!icon.isEmpty()) a->setIcon(QIcon(icon));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    newAct_ = make(tr("&New"), QKeySequence::New, &MainWindow::newDocument);
    openAct_ = make(tr("&Open…"), QKeySequence::Open, &MainWindow::open);
    saveAct_ = make(tr("&Save"), QKeySequence::Save, &MainWindow::save);
    newAct_->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    openAct_->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    saveAct_->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    saveAsAct_ = make(tr("Save &As…"), QKeySequence::SaveAs, &MainWindow::saveAs);
    exportAct_ =
        make(tr("&Export Diagram…"), QKeySequence(tr("Ctrl+E")), &MainWindow::exportDiagram);
    quitAct_ = make(tr("&Quit"), QKeySequence::Quit, &QWidget::close);
    undoAct_ = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undoAct_->setShortcut(QKeySequence::Undo);
    // The toolbar says just "Undo"/"Redo" (the menu and tooltip name the step): a label
    // that grows with each step's name shifted every button after it.
    undoAct_->setIconText(tr("Undo"));
    redoAct_ = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redoAct_->setIconText(tr("Redo"));
    redoAct_->setShortcut(QKeySequence::Redo);
    undoAct_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    redoAct_->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    cutAct_ = make(tr("Cu&t"), QKeySequence::Cut, [this] {
        copySelection();
        deleteSelection();
    });
    copyAct_ = make(tr("&Copy"), QKeySequence::Copy, &MainWindow::copySelection);
    pasteAct_ = make(tr("&Paste"), QKeySequence::Paste, &MainWindow::paste);
    deleteAct_ = make(tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteSelection);
    deleteAct_->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    deleteAct_->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    duplicateAct_ =
        make(tr("D&uplicate"), QKeySequence(tr("Ctrl+D")), &MainWindow::duplicateSelection);
    groupAct_ = make(tr("&Group into Zone"), QKeySequence(tr("Ctrl+G")), &MainWindow::groupIntoZone,
                     ":/icons/zone.svg");
    ungroupAct_ = make(tr("Remove from Zone"), QKeySequence(tr("Ctrl+Shift+G")), [this] {
        doc_->setComponentZone(scene_->selectedComponentIds(), QString());
    });
    welcomeAct_ = make(tr("&Welcome Page"), QKeySequence(), [this] {
        if (maybeSave()) showWelcome();
    });
    lessonsAct_ = make(tr("&Lessons"), QKeySequence(tr("F1")), &MainWindow::showLessons,
                       ":/icons/lessons.svg");
    lessonsAct_->setToolTip(tr("Learn a concept step by step: browse the lessons"));
    selectAllAct_ = make(tr("Select &All"), QKeySequence::SelectAll, [this] {
        for (auto* item : scene_->items())
            item->setSelected(true);
    });
    zoomInAct_ = make(tr("Zoom &In"), QKeySequence::ZoomIn, [this] { view_->zoomIn(); });
    zoomOutAct_ = make(tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { view_->zoomOut(); });
    zoomResetAct_ =
        make(tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), [this] { view_->resetZoom(); });
    fitAct_ = make(
        tr("&Fit to Window"), QKeySequence(tr("Ctrl+Shift+F")), [this] { view_->fitToContents(); },
        ":/icons/fit.svg");
}

void MainWindow::createMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addActions({newAct_, openAct_});
    auto* recent = file->addMenu(tr("Open &Recent"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        const QStringList files = QSettings().value("recentFiles").toStringList();
        for (const auto& path : files)
            recent
                ->addAction(QStringLiteral("%1 — %2").arg(QFileInfo(path).fileName(),
                                                          QFileInfo(path).absolutePath()),
                            this,
                            [this, path] {
                                if (maybeSave()) openFile(path); // never drop unsaved work
                            })
                ->setToolTip(path);
        recent->setEnabled(!files.isEmpty());
    });
    file->addSeparator();
    file->addActions({saveAct_, saveAsAct_, exportAct_});
    file->addSeparator();
    file->addAction(quitAct_);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({undoAct_, redoAct_});
    edit->addSeparator();
    edit->addActions({cutAct_, copyAct_, pasteAct_, duplicateAct_, deleteAct_});
    edit->addSeparator();
    edit->addActions({groupAct_, ungroupAct_});
    auto* alignMenu = edit->addMenu(tr("A&lign"));
    const std::pair<QString, widgets::Alignment> alignments[] = {
        {tr("Left Edges"), widgets::Alignment::Left},
        {tr("Centres (vertical line)"), widgets::Alignment::HorizontalCentre},
        {tr("Right Edges"), widgets::Alignment::Right},
        {tr("Top Edges"), widgets::Alignment::Top},
        {tr("Middles (horizontal line)"), widgets::Alignment::VerticalCentre},
        {tr("Bottom Edges"), widgets::Alignment::Bottom},
        {tr("Distribute Horizontally"), widgets::Alignment::DistributeHorizontally},
        {tr("Distribute Vertically"), widgets::Alignment::DistributeVertically}};
    for (const auto& [text, how] : alignments) {
        if (how == widgets::Alignment::Top || how == widgets::Alignment::DistributeHorizontally)
            alignMenu->addSeparator();
        alignMenu->addAction(text, this, [this, how = how] { alignSelection(how); });
    }
    edit->addSeparator();
    edit->addAction(selectAllAct_);

    auto* view = menuBar()->addMenu(tr("&View"));
    view->addActions({zoomInAct_, zoomOutAct_, zoomResetAct_, fitAct_});
    view->addSeparator();
    auto* themeMenu = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const std::pair<QString, Theme> choices[] = {{tr("Follow the System"), Theme::System},
                                                 {tr("Light"), Theme::Light},
                                                 {tr("Dark"), Theme::Dark}};
    const Theme current = themeFromName(QSettings().value("theme").toString());
    for (const auto& [text, theme] : choices) {
        auto* a = themeMenu->addAction(text, this, [this, theme = theme] {
            applyTheme(theme);
            QSettings().setValue("theme", themeName(theme));
            scene_->update(); // cards and links take their colours from the palette
        });
        a->setCheckable(true);
        a->setChecked(theme == current);
        themes->addAction(a);
    }
    view->addSeparator();
    view->addAction(welcomeAct_);
    view->addSeparator();
    viewMenuDocks_ = view;

    auto* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addActions(runBar_->runActions());
    attachTracing(runMenu);

    auto* lessonsMenu = menuBar()->addMenu(tr("&Lessons"));
    lessonsMenu->addAction(lessonsAct_);

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About System Design Lab"), this, [this] {
        QMessageBox::about(this, tr("About System Design Lab"),
                           tr("<h3>System Design Lab</h3><p>Build architectures, run them, and "
                              "see why they behave as they do.</p>"));
    });

    auto* bar = addToolBar(tr("Main"));
    bar->setObjectName("mainToolBar");
    bar->setIconSize(QSize(20, 20));
    bar->addActions({newAct_, openAct_, saveAct_});
    bar->addSeparator();
    bar->addActions({undoAct_, redoAct_, deleteAct_, groupAct_});
    bar->addSeparator();
    bar->addActions({zoomOutAct_, zoomInAct_, fitAct_});
    bar->addSeparator();
    bar->addAction(lessonsAct_);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addToolBarBreak(); // the run controls get a row of their own: they are wide
    addToolBar(runBar_);
}

void MainWindow::createDocks() {
    auto dock = [this](const QString& title, const QString& name, QWidget* w,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        viewMenuDocks_->addAction(d->toggleViewAction());
        return d;
    };
    auto* paletteDock = dock(tr("Components"), "paletteDock", palette_, Qt::LeftDockWidgetArea);
    auto* inspectorDock =
        dock(tr("Inspector"), "inspectorDock", inspector_, Qt::RightDockWidgetArea);
    dock(tr("History"), "historyDock", undoView_, Qt::RightDockWidgetArea)->hide();
    // A lesson is read while the design is edited and run: it sits above the inspector and
    // the charts rather than in a tab beside them (a first-time learner lost the step's text
    // the moment Play brought the charts forward).
    lessonsDock_ = dock(tr("Lessons"), "lessonsDock", lessons_, Qt::RightDockWidgetArea);
    splitDockWidget(lessonsDock_, inspectorDock, Qt::Vertical);
    chartsDock_ = dock(tr("Charts"), "chartsDock", charts_, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspectorDock, chartsDock_);
    inspectorDock->raise();
    lessonsDock_->hide();
    inspectorDock_ = inspectorDock;
    // Running is when the charts matter: bring them forward on play.
    connect(liveRun_, &widgets::LiveRunController::stateChanged, this, [this] {
        if (liveRun_->playing()) chartsDock_->raise();
    });
    // The canvas gets the room: side panels start at their comfortable widths.
    resizeDocks({paletteDock, inspectorDock}, {230, 380}, Qt::Horizontal);
    undoView_->setEmptyLabel(tr("<empty diagram>"));
}

void MainWindow::showLessons() {
    const bool wasHidden = lessonsDock_->isHidden();
    // Back to the lesson in progress when the panel was put away; from a lesson in view, or
    // with none open, to the list of lessons.
    if (!(wasHidden && lessons_->playing())) lessons_->showBrowser();
    lessonsDock_->show();
    lessonsDock_->raise();
    if (wasHidden) // the step's text gets the larger share; the inspector stays in reach
        resizeDocks({lessonsDock_, inspectorDock_}, {height() * 60 / 100, height() * 40 / 100},
                    Qt::Vertical);
}

void MainWindow::runFor(double seconds) {
    runBar_->ensureCurrent();
    liveRun_->runTo(seconds);
    chartsDock_->raise();
    charts_->replotNow();
    liveOverlay_->refresh(); // now, not at the overlays' next paced refresh
}

void MainWindow::fitWhenLaidOut() {
    view_->fitToContents();
    // Again once the window has its final size (the first fit may see a provisional one).
    QTimer::singleShot(0, view_, &widgets::CanvasView::fitToContents);
}

void MainWindow::showCanvas() {
    stack_->setCurrentWidget(view_);
}

void MainWindow::showWelcome() {
    welcome_->setRecentFiles(QSettings().value("recentFiles").toStringList());
    stack_->setCurrentWidget(welcome_);
}

int MainWindow::ask(const QString& title, const QString& text, int buttons, int defaultButton) {
    if (autoAnswer_) return autoAnswer_;
    return QMessageBox::question(this, title, text, QMessageBox::StandardButtons(buttons),
                                 QMessageBox::StandardButton(defaultButton));
}

bool MainWindow::maybeSave() {
    if (!doc_->isModified()) return true;
    const int answer =
        ask(tr("Save changes?"),
            tr("Save the changes to %1 before closing it?").arg(doc_->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newDocument() {
    if (!maybeSave()) return;
    doc_->newScenario();
    autosave_->discard();
    showCanvas();
    view_->resetZoom();
    view_->centerOn(QPointF(90, 30));
    statusBar()->showMessage(tr("Drag components from the palette onto the canvas."), 8000);
}

void MainWindow::open() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"),
                                                      QSettings().value("lastDir").toString(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

bool MainWindow::openFile(const QString& path, bool quiet, QString* errorOut) {
    QString error;
    if (!doc_->open(path, &error)) {
        if (errorOut) *errorOut = error;
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    QSettings().setValue("lastDir", QFileInfo(path).absolutePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    showCanvas();
    fitWhenLaidOut();
    return true;
}

bool MainWindow::openExample(const QString& resourcePath) {
    if (!maybeSave()) return false;
    QString error;
    if (!doc_->openTemplate(resourcePath, &error)) {
        QMessageBox::warning(this, tr("Cannot open the example"), error);
        return false;
    }
    showCanvas();
    fitWhenLaidOut();
    return true;
}

void MainWindow::recover(const QString& autosavePath) {
    QString error;
    if (!doc_->openTemplate(autosavePath, &error)) return;
    doc_->undoStack()->resetClean();
    showCanvas();
    fitWhenLaidOut();
}

bool MainWindow::save() {
    if (doc_->filePath().isEmpty()) return saveAs();
    QString error;
    if (!doc_->saveAs(doc_->filePath(), &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    autosave_->discard();
    statusBar()->showMessage(tr("Saved %1").arg(doc_->filePath()), 4000);
    return true;
}

bool MainWindow::saveAs() {
    // Next to the current file, else the user's documents: never silently into the bundled
    // examples a template came from.
    const QString folder = doc_->filePath().isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : QFileInfo(doc_->filePath()).absolutePath();
    QString name = QString::fromStdString(doc_->scenario().name).toLower();
    name.replace(QRegularExpression("[^a-z0-9]+"), "-");
    name.remove(QRegularExpression("^-+|-+$"));
    if (name.isEmpty() || name == "untitled") name = tr("architecture");
    const QString suggested =
        doc_->filePath().isEmpty() ? name + ".json" : QFileInfo(doc_->filePath()).fileName();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"), folder + "/" + suggested,
                                                tr("Scenarios (*.json)"));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += ".json";
    QString error;
    if (!doc_->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    autosave_->discard();
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    QSettings().setValue("lastDir", QFileInfo(path).absolutePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    return true;
}

void MainWindow::exportDiagram() {
    widgets::exportDiagramInteractively(scene_, this);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (maybeSave()) {
        autosave_->discard();
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::refreshTitle() {
    setWindowTitle(QStringLiteral("%1[*] — %2").arg(doc_->displayName(), tr("System Design Lab")));
    setWindowModified(doc_->isModified());
}

void MainWindow::scheduleAnalysis() {
    analysisTimer_->start();
}

QString MainWindow::statusAnalysisText() const {
    return analysisLabel_->text();
}

void MainWindow::runAnalysis() {
    const auto a = analysis::analyzeTopology(doc_->scenario());
    scene_->showAnalysis(a);
    QStringList parts;
    if (!a.loops.empty())
        parts << QStringLiteral("<span style='color:#D97706'>%1</span>")
                     .arg(tr("%n routing loop(s)", "", int(a.loops.size())));
    if (!a.singlePointsOfFailure.empty()) {
        QStringList ids;
        for (const auto& id : a.singlePointsOfFailure)
            ids << doc_->componentName(QString::fromStdString(id)).toHtmlEscaped();
        parts << QStringLiteral("<span style='color:#D92D20'>%1</span>")
                     .arg(tr("Single points of failure: %1").arg(ids.join(", ")));
    }
    if (!a.unreachable.empty()) parts << tr("%n unreachable", "", int(a.unreachable.size()));
    if (!a.unservedClients.empty()) {
        QStringList ids;
        for (const auto& id : a.unservedClients)
            ids << doc_->componentName(QString::fromStdString(id)).toHtmlEscaped();
        parts << tr("Connect %1 to something that answers").arg(ids.join(", "));
    }
    if (a.availability >= 0)
        parts << tr("Availability ≈ %1% (%2 down a year)")
                     .arg(QString::number(100 * a.availability, 'f', 3),
                          QString::fromStdString(analysis::downtimePerYear(a.availability)));
    analysisLabel_->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::selectionChanged() {
    const QStringList ids = scene_->selectedComponentIds();
    const auto links = scene_->selectedLinks();
    deleteAct_->setEnabled(!scene_->selectedItems().isEmpty());
    for (auto* a : {cutAct_, copyAct_, duplicateAct_, groupAct_, ungroupAct_})
        a->setEnabled(!ids.isEmpty());
    const QStringList zones = scene_->selectedZones();
    if (ids.size() == 1)
        charts_->showSelection(ids.front(), doc_->componentName(ids.front()));
    else if (ids.isEmpty() && links.size() == 1)
        charts_->showSelection(links.front().from + "->" + links.front().to,
                               links.front().from + " → " + links.front().to);
    else
        charts_->showSelection({}, {});
    if (!ids.isEmpty())
        inspector_->showComponents(ids);
    else if (links.size() == 1)
        inspector_->showLink(links.front());
    else if (zones.size() == 1 && links.isEmpty())
        inspector_->showZone(zones.front());
    else
        inspector_->clear();
}

void MainWindow::addRecentFile(const QString& path) {
    QSettings settings;
    QStringList files = settings.value("recentFiles").toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    settings.setValue("recentFiles", files);
}

void MainWindow::copySelection() {
    const QStringList ids = scene_->selectedComponentIds();
    if (ids.isEmpty()) return;
    auto* mime = new QMimeData;
    mime->setData(kClipboardMime, doc_->copy(ids));
    QApplication::clipboard()->setMimeData(mime);
    pasteCount_ = 0;
    pasteStep_ = stepBelow(ids);
}

QPointF MainWindow::stepBelow(const QStringList& ids) const {
    // Copies land just below the originals, clear of them and of their live bars: "add two
    // more servers" with Ctrl+D gives a tidy column, not cards stacked on one another.
    QRectF bounds;
    for (const auto& id : ids)
        if (auto* card = scene_->componentItem(id)) bounds |= card->cardSceneRect();
    return QPointF(0, bounds.height() + 60);
}

void MainWindow::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(kClipboardMime)) return;
    ++pasteCount_;
    const QStringList added = doc_->paste(mime->data(kClipboardMime), pasteStep_ * pasteCount_);
    scene_->selectComponents(added);
}

void MainWindow::deleteSelection() {
    // A teacher's marks are not the design: removing them is no edit (nor an undo step).
    if (classroom_->annotations()->deleteSelected()) return;
    const QStringList zones = scene_->selectedZones();
    doc_->undoStack()->beginMacro(tr("Delete"));
    for (const auto& zone : zones)
        doc_->removeZone(zone);
    doc_->removeItems(scene_->selectedComponentIds(), scene_->selectedLinks());
    doc_->undoStack()->endMacro();
}

void MainWindow::alignSelection(widgets::Alignment how) {
    QHash<QString, QPointF> positions;
    for (const auto& id : scene_->selectedComponentIds())
        positions.insert(id, scene_->componentItem(id)->pos());
    const auto moved = widgets::align(positions, how);
    if (moved.isEmpty())
        statusBar()->showMessage(tr("Select two or more components to align them."), 5000);
    else
        doc_->moveComponents(moved);
}

void MainWindow::groupIntoZone() {
    const QStringList ids = scene_->selectedComponentIds();
    if (ids.isEmpty()) return;
    QString label; // the first free "Zone A", "Zone B", …
    for (int n = 0; n < 26; ++n) {
        const QString candidate = tr("Zone %1").arg(QChar('A' + n % 26));
        bool taken = false;
        for (const auto& z : doc_->scenario().zones)
            taken |= QString::fromStdString(z.label) == candidate;
        if (!taken) {
            label = candidate;
            break;
        }
    }
    if (label.isEmpty()) label = tr("Zone %1").arg(doc_->scenario().zones.size() + 1);
    doc_->addZone(label, ids);
    statusBar()->showMessage(tr("Grouped into %1. A zone is a failure domain: an outage takes "
                                "the whole zone down.")
                                 .arg(label),
                             8000);
}

void MainWindow::duplicateSelection() {
    const QStringList ids = scene_->selectedComponentIds();
    if (ids.isEmpty()) return;
    scene_->selectComponents(doc_->paste(doc_->copy(ids), stepBelow(ids)));
}

} // namespace sdlab::gui
