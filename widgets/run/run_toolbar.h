#pragma once

#include <QRgb>
#include <QToolBar>

#include <optional>
#include <utility>

class QAction;
class QLabel;
class QSlider;

namespace sdlab::widgets {

class Document;
class LiveRunController;

/// The "Run" toolbar: play/pause, step one event, step 100 ms, restart, speed (log scale),
/// the simulated clock, the seed and a traffic slider scaling every client's load live.
/// It keeps the run in step with the document: play or a step after an edit (re)builds the
/// run from the design, and an edit while playing restarts it with the new design.
class RunToolbar : public QToolBar {
    Q_OBJECT
public:
    RunToolbar(LiveRunController* controller, Document* document, QWidget* parent = nullptr);

    /// Play/pause, step event, step time, restart: for the Run menu too.
    QList<QAction*> runActions() const;
    QAction* playAction() const { return playAct_; }
    QAction* stepEventAction() const { return stepEventAct_; }
    QAction* stepTimeAction() const { return stepTimeAct_; }
    QAction* restartAction() const { return restartAct_; }
    QSlider* speedSlider() const { return speed_; }
    QSlider* trafficSlider() const { return traffic_; }
    QLabel* clockLabel() const { return clock_; }

    /// Speed slider positions ↔ speeds: log scale, 0.01× to 1000×.
    static int sliderForSpeed(double speed);
    static double speedForSlider(int position);
    /// "0.01×", "0.5×", "12×": short and readable at a glance.
    static QString speedText(double speed);
    /// "mm:ss.s".
    static QString clockText(double seconds);

    /// Loads the document's design if the run is missing or older than the last edit.
    void ensureCurrent();

signals:
    /// Something to tell the user (the run restarted with a changed design).
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void designChanged();
    /// Gives every client of the run the slider's factor (idempotent: after any state change,
    /// so a fresh run's clients get it too).
    void applyTraffic();
    void refresh();
    std::optional<std::pair<bool, QRgb>> iconLook_; ///< playing, ink of the icons shown

    LiveRunController* controller_;
    Document* document_;
    bool stale_ = true;
    QAction *playAct_, *stepEventAct_, *stepTimeAct_, *restartAct_;
    QSlider *speed_, *traffic_;
    QLabel *speedLabel_, *trafficLabel_, *clock_, *seed_;
};

} // namespace sdlab::widgets
