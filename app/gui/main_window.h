#pragma once

#include <QMainWindow>
#include <QPointF>

class QAction;
class QDockWidget;
class QMenu;
class QLabel;
class QStackedWidget;
class QTimer;
class QUndoView;

namespace sdlab::widgets {
class CanvasScene;
class CanvasView;
class ChartsPanel;
class FaultTimeline;
class LiveOverlay;
class PacketLayer;
class LiveRunController;
class RunToolbar;
class TracePath;
class TraceWaterfall;
class Document;
class InspectorWidget;
class LessonPanel;
class PaletteWidget;
class Classroom;
class FaultActions;
enum class Alignment;
} // namespace sdlab::widgets

namespace sdlab::gui {

class WelcomePage;
class Autosave;

/// The editor window: palette on the left, canvas in the middle, inspector on the right,
/// analysis in the status bar. It wires widgets to the one Document and owns the actions;
/// the work itself lives in the widgets and the document.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    widgets::Document* document() const { return doc_; }
    widgets::CanvasScene* scene() const { return scene_; }
    widgets::CanvasView* view() const { return view_; }
    widgets::PaletteWidget* palette() const { return palette_; }
    widgets::InspectorWidget* inspector() const { return inspector_; }
    QString statusAnalysisText() const;
    /// The live run every run view (charts, canvas overlays, fault timeline) follows:
    /// connect to its `advanced` and read its run().
    widgets::LiveRunController* liveRun() const { return liveRun_; }
    widgets::RunToolbar* runToolbar() const { return runBar_; }
    widgets::ChartsPanel* chartsPanel() const { return charts_; }
    widgets::LessonPanel* lessonPanel() const { return lessons_; }
    /// Brings the Lessons dock forward on its lesson browser.
    void showLessons();
    /// The requests drawn moving along the links while a run plays.
    widgets::PacketLayer* packetLayer() const { return packets_; }
    widgets::TracePath* tracePath() const { return tracePath_; }
    /// Captions, annotations and presentation mode.
    widgets::Classroom* classroom() const { return classroom_; }
    /// Runs the open design for `seconds` of simulated time at once, charts in view
    /// (`--screenshot --run-for`).
    void runFor(double seconds);

    /// Opens a file; on error shows a dialog (unless `quiet`) and keeps the current document.
    bool openFile(const QString& path, bool quiet = false, QString* error = nullptr);
    bool openExample(const QString& resourcePath);
    /// Opens an autosaved copy as unsaved work (so closing asks before losing it again).
    void recover(const QString& autosavePath);
    void showCanvas();
    void showWelcome();
    /// When set, questions (save changes? recover?) take this answer instead of a dialog.
    void setAutoAnswer(int standardButton) { autoAnswer_ = standardButton; }

public slots:
    void newDocument();
    void open();
    bool save();
    bool saveAs();
    void exportDiagram();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    bool maybeSave();
    void refreshTitle();
    void scheduleAnalysis();
    void runAnalysis();
    void selectionChanged();
    void addRecentFile(const QString& path);
    void copySelection();
    void paste();
    void deleteSelection();
    void duplicateSelection();
    QPointF stepBelow(const QStringList& ids) const;
    void groupIntoZone();
    void alignSelection(widgets::Alignment how);
    void fitWhenLaidOut();
    /// The live run's views on the canvas: overlays, fault menu, fault timeline.
    void attachLiveOverlays();
    /// Run > What-if Sweep, Run > Trace Next Request and the Trace dock's waterfall.
    void attachTracing(QMenu* runMenu);
    /// Presentation mode, annotations and captions (widgets/classroom): menus and toolbar.
    void attachClassroom();

    int ask(const QString& title, const QString& text, int buttons, int defaultButton);

    widgets::Document* doc_;
    widgets::CanvasScene* scene_;
    widgets::CanvasView* view_;
    widgets::PaletteWidget* palette_;
    widgets::InspectorWidget* inspector_;
    widgets::LiveRunController* liveRun_;
    widgets::RunToolbar* runBar_;
    widgets::ChartsPanel* charts_;
    QDockWidget* chartsDock_ = nullptr;
    widgets::LessonPanel* lessons_;
    QDockWidget* lessonsDock_ = nullptr;
    WelcomePage* welcome_;
    QStackedWidget* stack_;
    QUndoView* undoView_;
    QLabel* analysisLabel_;
    QLabel* zoomLabel_;
    QTimer* analysisTimer_;
    QMenu* viewMenuDocks_ = nullptr;
    Autosave* autosave_;
    widgets::LiveOverlay* liveOverlay_ = nullptr;
    widgets::PacketLayer* packets_ = nullptr;
    widgets::FaultTimeline* faultTimeline_ = nullptr;
    widgets::FaultActions* faultActions_ = nullptr;
    widgets::Classroom* classroom_ = nullptr;
    widgets::TraceWaterfall* waterfall_ = nullptr;
    widgets::TracePath* tracePath_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    QDockWidget* traceDock_ = nullptr;
    int autoAnswer_ = 0;
    int pasteCount_ = 0;
    QPointF pasteStep_{40, 40}; ///< how far each paste lands from the copied cards

    QAction *newAct_, *openAct_, *saveAct_, *saveAsAct_, *exportAct_, *quitAct_;
    QAction *undoAct_, *redoAct_, *cutAct_, *copyAct_, *pasteAct_, *deleteAct_, *duplicateAct_,
        *selectAllAct_, *groupAct_, *ungroupAct_, *welcomeAct_, *lessonsAct_;
    QAction *zoomInAct_, *zoomOutAct_, *zoomResetAct_, *fitAct_;
};

} // namespace sdlab::gui
