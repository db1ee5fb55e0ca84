#pragma once

#include "live_figures.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QGraphicsItem;

namespace sdlab::widgets {

class CanvasScene;
class LiveRunController;
class NodeOverlayItem;
class BreakerBadgeItem;

/// Draws a live run on the canvas: a NodeOverlayItem on every card and a BreakerBadgeItem on
/// every link with a circuit breaker, refreshed from the simulation when the run advances (at
/// most ~15 times a wall-clock second). They are decorations only — the document never
/// changes — and they go away when no run is loaded.
class LiveOverlay : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinRefreshMs = 66;

    explicit LiveOverlay(CanvasScene* scene, QObject* parent = nullptr);
    ~LiveOverlay() override;
    /// Follows `controller`'s run (null: none; the overlays go).
    void attach(LiveRunController* controller);

    /// Reads the run now, whatever the rate limit (tests; a fault injected while paused).
    void refresh();
    NodeOverlayItem* nodeOverlay(const QString& componentId) const;
    BreakerBadgeItem* breakerBadge(const QString& from, const QString& to) const;

signals:
    /// The overlays show the run as it is now.
    void refreshed();

private:
    void onAdvanced();
    /// Removes the overlays, but those in `keep`.
    void clear(const QSet<QGraphicsItem*>& keep = {});

    CanvasScene* scene_;
    QPointer<LiveRunController> controller_;
    LiveFigures figures_;
    QElapsedTimer sinceRefresh_;
    QTimer pending_; ///< the last advance of a burst is shown, however the rate limit fell
};

} // namespace sdlab::widgets
