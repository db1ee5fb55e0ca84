#include "fault_actions.h"

#include "canvas/canvas_scene.h"
#include "canvas/component_item.h"
#include "canvas/link_item.h"
#include "fault_log.h"
#include "live_run_controller.h"

#include <QMenu>
#include <algorithm>

namespace sdlab::widgets {

namespace {

bool has(const std::vector<sim::Index>& list, sim::Index i) {
    return std::find(list.begin(), list.end(), i) != list.end();
}

sim::Fault faultOn(sim::Fault::Kind kind, sim::Index target, sim::Index peer = sim::kNone) {
    sim::Fault f;
    f.kind = kind;
    f.targets = {target};
    if (peer != sim::kNone) f.peers = {peer};
    return f;
}

} // namespace

FaultActions::FaultActions(CanvasScene* scene, LiveRunController* controller, QObject* parent)
    : QObject(parent)
    , scene_(scene)
    , controller_(controller) {
    connect(scene_, &CanvasScene::contextMenuAboutToShow, this, &FaultActions::populate);
}

void FaultActions::populate(QMenu* menu, QGraphicsItem* item) {
    if (!controller_->loaded() || controller_->finished()) return;
    // Overlays sit on cards and links: act on what they decorate.
    while (item && item->type() != ComponentItem::Type && item->type() != LinkItem::Type)
        item = item->parentItem();
    if (!item) return;
    const model::Scenario& s = controller_->scenario();
    if (item->type() == ComponentItem::Type) {
        const int i = s.indexOf(static_cast<ComponentItem*>(item)->id().toStdString());
        if (i >= 0) addComponentActions(menu, sim::Index(i));
        return;
    }
    const LinkKey key = static_cast<LinkItem*>(item)->key();
    const int from = s.indexOf(key.from.toStdString()), to = s.indexOf(key.to.toStdString());
    if (from >= 0 && to >= 0) addLinkActions(menu, sim::Index(from), sim::Index(to));
}

void FaultActions::addComponentActions(QMenu* menu, sim::Index i) {
    using Kind = sim::Fault::Kind;
    const auto& spec = controller_->scenario().components[i];
    menu->addSection(tr("Break it (live run)"));
    // One obvious way back: every crash, slow-down and error burst on it ends at once.
    const Kind healable[] = {Kind::Crash, Kind::Slow, Kind::Errors};
    if (std::any_of(std::begin(healable), std::end(healable),
                    [&](Kind k) { return inForce(k, i); }))
        menu->addAction(tr("Heal It (end its faults now)"), this, [this, i, healable] {
            for (Kind k : healable)
                if (inForce(k, i)) clear(k, i);
        });
    if (inForce(Kind::Crash, i))
        menu->addAction(tr("Restart"), this, [this, i] { clear(Kind::Crash, i); });
    else
        menu->addAction(tr("Crash"), this, [this, i] { inject(faultOn(Kind::Crash, i)); });
    addLevels(menu, tr("Slow Down"), Kind::Slow, i, sim::kNone, {2, 5, 10}, tr("Normal Speed"));
    addLevels(menu, tr("Inject Errors"), Kind::Errors, i, sim::kNone, {0.1, 0.5, 1},
              tr("No Errors"));
    if (spec.type == "cache" || spec.type == "cdn")
        menu->addAction(tr("Flush Cache"), this, [this, i] {
            inject(faultOn(Kind::CacheFlush, i));
            clear(Kind::CacheFlush, i); // a flush is an instant: it has done its work
        });
    if (spec.type == "message_queue") {
        if (inForce(Kind::ConsumerStop, i))
            menu->addAction(tr("Resume Consumers"), this,
                            [this, i] { clear(Kind::ConsumerStop, i); });
        else
            menu->addAction(tr("Stop Consumers"), this,
                            [this, i] { inject(faultOn(Kind::ConsumerStop, i)); });
    }
}

void FaultActions::addLinkActions(QMenu* menu, sim::Index from, sim::Index to) {
    using Kind = sim::Fault::Kind;
    menu->addSection(tr("Break it (live run)"));
    if (inForce(Kind::Partition, from, to))
        menu->addAction(tr("Heal"), this, [this, from, to] { clear(Kind::Partition, from, to); });
    else
        menu->addAction(tr("Cut (Partition)"), this,
                        [this, from, to] { inject(faultOn(Kind::Partition, from, to)); });
    addLevels(menu, tr("Packet Loss"), Kind::PacketLoss, from, to, {0.01, 0.1}, tr("No Loss"));
}

void FaultActions::addLevels(QMenu* menu, const QString& title, sim::Fault::Kind kind,
                             sim::Index target, sim::Index peer,
                             std::initializer_list<double> levels, const QString& endText) {
    const bool factor = kind == sim::Fault::Kind::Slow; // a multiplier; the others are rates
    QMenu* sub = menu->addMenu(title);
    for (double level : levels)
        sub->addAction(factor ? QStringLiteral("×%1").arg(level)
                              : QStringLiteral("%1%").arg(level * 100),
                       this, [=, this] {
                           clear(kind, target, peer); // one level at a time
                           sim::Fault f = faultOn(kind, target, peer);
                           (factor ? f.factor : f.rate) = level;
                           inject(f);
                       });
    if (inForce(kind, target, peer))
        sub->addAction(endText, this, [this, kind, target, peer] { clear(kind, target, peer); });
}

bool FaultActions::injectNextScheduled() {
    if (!controller_->loaded()) return false;
    auto& sim = controller_->run()->simulation();
    const double now = controller_->now();
    // Scheduled faults are the simulation's first ones, in the scenario's order.
    const std::size_t scheduled = controller_->scenario().faults.size();
    sim::Index next = sim::kNone;
    for (sim::Index id = 0; id < scheduled; ++id) {
        const sim::Fault& f = sim.fault(id);
        if (!f.cleared && f.start > now && (next == sim::kNone || f.start < sim.fault(next).start))
            next = id;
    }
    if (next == sim::kNone) return false;
    sim::Fault fault = sim.fault(next);
    fault.end = now + (fault.end - fault.start); // infinity stays infinity
    fault.start = now;
    sim.clearFault(next); // its planned start does nothing now
    const bool instant = fault.kind == sim::Fault::Kind::CacheFlush;
    const sim::Index target = fault.targets.empty() ? sim::kNone : fault.targets.front();
    inject(std::move(fault));
    if (instant && target != sim::kNone) clear(sim::Fault::Kind::CacheFlush, target);
    return true;
}

void FaultActions::inject(sim::Fault fault) {
    if (!controller_->loaded()) return;
    auto& sim = controller_->run()->simulation();
    const QString what = faultText(fault, controller_->scenario());
    sim.injectFault(std::move(fault));
    controller_->runTo(controller_->now()); // no time passes; views repaint
    emit faultsChanged(what);
}

void FaultActions::clear(sim::Fault::Kind kind, sim::Index target, sim::Index peer) {
    if (!controller_->loaded()) return;
    auto& sim = controller_->run()->simulation();
    QString what;
    for (sim::Index id : activeFaults(sim)) {
        const sim::Fault& f = sim.fault(id);
        if (f.kind != kind || !has(f.targets, target)) continue;
        if (peer != sim::kNone && !has(f.peers, peer)) continue;
        what = faultText(f, controller_->scenario());
        sim.clearFault(id); // scheduled ones too: "restart" means it is back now
    }
    controller_->runTo(controller_->now());
    if (!what.isEmpty()) emit faultsChanged(tr("Ended: %1").arg(what));
}

bool FaultActions::inForce(sim::Fault::Kind kind, sim::Index target, sim::Index peer) const {
    const auto& sim = controller_->run()->simulation();
    for (sim::Index id : activeFaults(sim)) {
        const sim::Fault& f = sim.fault(id);
        if (f.kind == kind && has(f.targets, target) && (peer == sim::kNone || has(f.peers, peer)))
            return true;
    }
    return false;
}

} // namespace sdlab::widgets
