#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace sdlab::widgets {

class LiveRunController;

/// Which of the scenario's captions is on screen as a live run's clock moves: the
/// latest-started one whose [at_s, at_s + duration_s) holds the simulated time. Captions are
/// read by people in wall-clock time, so one stays at least minimumReadingTime() once shown
/// (a fast run, or a jump past a whole caption, would flash it otherwise); a newer caption
/// replaces it at once, and a restart clears it.
class CaptionTrack : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinReadingMs = 2500;

    explicit CaptionTrack(LiveRunController* controller, QObject* parent = nullptr);
    /// The caption shown: its index in the run's scenario().captions, or -1.
    int current() const { return current_; }
    QString text() const;
    void setMinimumReadingTime(int ms) { minReadingMs_ = ms; }
    int minimumReadingTime() const { return minReadingMs_; }

signals:
    /// Another caption (or none) is to be shown.
    void changed();

private:
    void update();
    void show(int caption);

    QPointer<LiveRunController> controller_;
    int current_ = -1;
    double lastNow_ = -1; ///< the clock at the last update: captions passed since then show
    QElapsedTimer shownFor_;
    QTimer linger_;
    int minReadingMs_ = kMinReadingMs;
};

} // namespace sdlab::widgets
