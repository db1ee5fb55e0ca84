#pragma once

#include <QObject>
#include <QPointer>

class QAbstractScrollArea;
class QLabel;
class QTimer;

namespace sdlab::widgets {

class AnnotationLayer;
class LiveRunController;

/// What presentation mode lays over the canvas, besides the caption: the run's clock and
/// state (top right), a banner while annotating (top centre) saying what the mouse does, and
/// the card of keys (centre), shown for a few seconds on entering and on H. White on near
/// black, bold and large: they read on any diagram and from afar. Mouse events pass through.
class PresentationOverlays : public QObject {
    Q_OBJECT
public:
    static constexpr int kHelpMs = 7000, kToastMs = 4000;

    PresentationOverlays(QAbstractScrollArea* view, LiveRunController* controller,
                         AnnotationLayer* annotations, QObject* parent = nullptr);
    void setShown(bool on);
    /// The card of keys: for `ms` milliseconds (0: until hidden).
    void showHelp(int ms = kHelpMs);
    void hideHelp();
    bool helpVisible() const;
    /// A short message for the class (a fault injected, nothing left to inject), a few seconds.
    void toast(const QString& text);
    QLabel* clock() const { return clock_; }
    QLabel* banner() const { return banner_; }
    QLabel* help() const { return help_; }
    QLabel* toastLabel() const { return toast_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* makeLabel(const QString& name);
    void refreshClock();
    void refreshBanner();
    void place();
    void restyle();

    QAbstractScrollArea* view_;
    QPointer<LiveRunController> controller_;
    AnnotationLayer* annotations_;
    QLabel *clock_, *banner_, *help_, *toast_;
    QTimer *helpTimer_, *toastTimer_;
    bool shown_ = false;
};

} // namespace sdlab::widgets
