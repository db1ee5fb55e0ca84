#pragma once

class QDockWidget;
class QMainWindow;
class QWidget;

namespace sdlab::widgets {

class CanvasView;
class FaultActions;
class LessonPanel;
class LiveRunController;
class RunToolbar;

/// The main window's pieces that classroom mode works with.
struct ClassroomParts {
    QMainWindow* window;
    CanvasView* view;
    LiveRunController* run;
    RunToolbar* runBar;
    LessonPanel* lessons;
    FaultActions* faults;
    QDockWidget* charts; ///< shown and hidden with G in presentation mode
    QWidget* timeline;   ///< the fault timeline under the canvas
};

} // namespace sdlab::widgets
