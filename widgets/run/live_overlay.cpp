#include "live_overlay.h"

#include "breaker_badge_item.h"
#include "canvas/canvas_scene.h"
#include "canvas/component_item.h"
#include "canvas/link_item.h"
#include "live_run_controller.h"
#include "node_overlay_item.h"

#include <QSet>

namespace sdlab::widgets {

namespace {

template <class Overlay> Overlay* childOfType(QGraphicsItem* item) {
    if (!item) return nullptr;
    for (QGraphicsItem* child : item->childItems())
        if (child->type() == Overlay::Type) return static_cast<Overlay*>(child);
    return nullptr;
}

template <class Overlay> Overlay* childOrNew(QGraphicsItem* item) {
    if (auto* existing = childOfType<Overlay>(item)) return existing;
    return new Overlay(item);
}

QString breakerTooltip(const policies::CircuitBreaker& b, const QString& name, double now) {
    QString tip =
        QObject::tr("Circuit breaker on %1: %2").arg(name, policies::stateName(b.state()));
    switch (b.state()) {
    case policies::CircuitBreaker::State::Closed: {
        // The mechanism at work: the window's failure rate against the threshold.
        const auto w = b.window(now);
        tip += QObject::tr("\nCalls pass; it opens when %1% of the window's calls fail")
                   .arg(b.config().failureRateThreshold * 100);
        tip += QObject::tr("\nWindow now: %1 of %2 calls failed (%3%), %4 needed to judge")
                   .arg(w.failures)
                   .arg(w.calls)
                   .arg(w.calls ? 100.0 * w.failures / w.calls : 0.0, 0, 'f', 0)
                   .arg(b.config().minimumCalls);
        break;
    }
    case policies::CircuitBreaker::State::Open:
        tip += QObject::tr("\nOpened at %1 s: calls are refused at once until %2 s")
                   .arg(b.openedAt(), 0, 'f', 2)
                   .arg(b.openedAt() + b.config().waitOpen, 0, 'f', 2);
        break;
    case policies::CircuitBreaker::State::HalfOpen:
        tip += QObject::tr("\n%1 trial calls decide whether it closes or opens again")
                   .arg(b.config().halfOpenCalls);
        break;
    }
    return tip + QObject::tr("\n%1 changes of state so far").arg(b.transitions().size() - 1);
}

} // namespace

LiveOverlay::LiveOverlay(CanvasScene* scene, QObject* parent)
    : QObject(parent)
    , scene_(scene) {
    pending_.setSingleShot(true);
    connect(&pending_, &QTimer::timeout, this, &LiveOverlay::refresh);
}

LiveOverlay::~LiveOverlay() = default;

void LiveOverlay::attach(LiveRunController* controller) {
    if (controller_) controller_->disconnect(this);
    controller_ = controller;
    figures_.reset();
    clear();
    if (!controller_) return;
    connect(controller_, &LiveRunController::advanced, this, &LiveOverlay::onAdvanced);
    refresh();
}

void LiveOverlay::onAdvanced() {
    // At most ~15 readings a second: the figures would flicker faster than anyone reads.
    if (sinceRefresh_.isValid() && sinceRefresh_.elapsed() < kMinRefreshMs) {
        if (!pending_.isActive()) pending_.start(int(kMinRefreshMs - sinceRefresh_.elapsed()));
        return;
    }
    refresh();
}

void LiveOverlay::refresh() {
    pending_.stop();
    sinceRefresh_.start();
    // Nothing to show before the run has begun: a design being edited stays uncluttered.
    if (!controller_ || !controller_->loaded() ||
        (controller_->now() == 0 && !controller_->playing())) {
        clear();
        return;
    }
    const model::Scenario& s = controller_->scenario();
    sim::Simulation& sim = controller_->run()->simulation();
    const auto& figures = figures_.read(s, sim);
    QSet<QGraphicsItem*> shown; // overlays of this run; any other is left from another
    for (std::size_t i = 0; i < figures.size(); ++i)
        if (auto* card = scene_->componentItem(QString::fromStdString(s.components[i].id))) {
            auto* overlay = childOrNew<NodeOverlayItem>(card);
            overlay->setFigures(figures[i]);
            shown.insert(overlay);
        }
    for (std::size_t l = 0; l < s.links.size() && l < sim.linkCount(); ++l) {
        const auto& breaker = sim.link(sim::Index(l)).breaker;
        if (!breaker) continue;
        const QString from = QString::fromStdString(s.links[l].from);
        const QString to = QString::fromStdString(s.links[l].to);
        if (auto* link = scene_->linkItem({from, to})) {
            auto* badge = childOrNew<BreakerBadgeItem>(link);
            badge->setState(breaker->state(),
                            breakerTooltip(*breaker, from + QStringLiteral(" → ") + to, sim.now()));
            shown.insert(badge);
        }
    }
    clear(shown);
    emit refreshed();
}

NodeOverlayItem* LiveOverlay::nodeOverlay(const QString& componentId) const {
    return childOfType<NodeOverlayItem>(scene_->componentItem(componentId));
}

BreakerBadgeItem* LiveOverlay::breakerBadge(const QString& from, const QString& to) const {
    return childOfType<BreakerBadgeItem>(scene_->linkItem({from, to}));
}

void LiveOverlay::clear(const QSet<QGraphicsItem*>& keep) {
    for (QGraphicsItem* item : scene_->items())
        if ((item->type() == NodeOverlayItem::Type || item->type() == BreakerBadgeItem::Type) &&
            !keep.contains(item))
            delete item;
}

} // namespace sdlab::widgets
