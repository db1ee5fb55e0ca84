#pragma once

#include "sim/simulation.h"

#include <QObject>
#include <initializer_list>

class QGraphicsItem;
class QMenu;

namespace sdlab::widgets {

class CanvasScene;
class LiveRunController;

/// "Break it while it runs": adds fault actions to the canvas' context menu while a run is
/// loaded — crash/restart, slow down, inject errors, flush a cache, stop a queue's consumers
/// on a component; cut/heal and packet loss on a link. They go straight to the simulation
/// (Simulation::injectFault / clearFault): run-time events, not document edits, so nothing
/// lands on the undo stack.
class FaultActions : public QObject {
    Q_OBJECT
public:
    FaultActions(CanvasScene* scene, LiveRunController* controller, QObject* parent = nullptr);

    /// Adds the actions that apply to `item` (a card or a link, or one of their overlays).
    void populate(QMenu* menu, QGraphicsItem* item);
    /// The scenario's next scheduled fault that has not started (a lesson step's or a demo's),
    /// brought forward: it starts now, for as long as it was planned, and its planned start
    /// is cancelled. False when none is left.
    bool injectNextScheduled();

signals:
    /// A fault was injected or cleared (views repaint; the status bar may say it).
    void faultsChanged(const QString& what);

private:
    void addComponentActions(QMenu* menu, sim::Index component);
    void addLinkActions(QMenu* menu, sim::Index from, sim::Index to);
    /// A submenu of levels of one fault (slow ×2…, errors 10%…, packet loss 1%…) on `target`
    /// (towards `peer` for a link), and `endText` to end it while one is in force.
    void addLevels(QMenu* menu, const QString& title, sim::Fault::Kind kind, sim::Index target,
                   sim::Index peer, std::initializer_list<double> levels, const QString& endText);
    void inject(sim::Fault fault);
    /// Clears the faults in force of `kind` that act on `target` (and `peer`, if given).
    void clear(sim::Fault::Kind kind, sim::Index target, sim::Index peer = sim::kNone);
    bool inForce(sim::Fault::Kind kind, sim::Index target, sim::Index peer = sim::kNone) const;

    CanvasScene* scene_;
    LiveRunController* controller_;
};

} // namespace sdlab::widgets
