#include "packet_layer.h"

#include "breaker_badge_item.h"
#include "canvas/canvas_scene.h"
#include "canvas/link_item.h"
#include "live_run_controller.h"
#include "packet_item.h"

#include <QApplication>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {
/// Simulated seconds the rate labels average over: at 0.5 s a 150/s Poisson stream read
/// ±8% from one moment to the next (a learner saw 168–185/s for 150/s); 1.5 s: ±5%.
constexpr double kRateTimeConstant = 1.5;

QColor outcomeColour(PacketLayer::Outcome o) {
    switch (o) {
    case PacketLayer::Outcome::Ok: {
        // Blue, a little translucent: a dense flow reads as a band of traffic rather than a
        // black bar, and stays apart from the failure colours for colour-blind eyes.
        QColor ok(0x1e, 0x88, 0xe5);
        ok.setAlphaF(0.75);
        return ok;
    }
    case PacketLayer::Outcome::Failed:
        return QColor(0xe5, 0x39, 0x35);
    case PacketLayer::Outcome::TimedOut:
        return QColor(0xf5, 0xa6, 0x23);
    case PacketLayer::Outcome::Rejected:
        return QColor(0xab, 0x47, 0xbc);
    case PacketLayer::Outcome::CacheHit: // the teal of a cache's "hit" chip
        return QColor(0x0e, 0x7c, 0x86);
    }
    return {};
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole ? std::min(1.0, double(part) / double(whole)) : 0.0;
}
} // namespace

QString rateText(double r) {
    if (r >= 1e6) return QStringLiteral("%1M/s").arg(r / 1e6, 0, 'f', 1);
    if (r >= 1e4) return QStringLiteral("%1k/s").arg(r / 1e3, 0, 'f', 0);
    if (r >= 1e3) return QStringLiteral("%1k/s").arg(r / 1e3, 0, 'f', 1);
    // Two significant figures, as above: a third would only show the noise.
    if (r >= 100) return QStringLiteral("%1/s").arg(std::round(r / 10) * 10, 0, 'f', 0);
    return QStringLiteral("%1/s").arg(r, 0, 'f', 0);
}

PacketLayer::PacketLayer(CanvasScene* scene, QObject* parent)
    : QObject(parent)
    , scene_(scene) {}

PacketLayer::~PacketLayer() {
    delete item_.data();
}

void PacketLayer::attach(LiveRunController* controller) {
    if (controller_) controller_->disconnect(this);
    controller_ = controller;
    lanes_.clear();
    packets_.clear();
    if (controller_) {
        connect(controller_, &LiveRunController::advanced, this, &PacketLayer::onAdvanced);
        connect(controller_, &LiveRunController::stateChanged, this, &PacketLayer::onStateChanged);
    }
    onStateChanged();
    onAdvanced();
}

void PacketLayer::onStateChanged() {
    // The animation clock runs only while playing: a paused run shows its dots frozen.
    if (controller_ && controller_->playing()) {
        if (!wall_.isValid()) wall_.start();
    } else {
        if (wall_.isValid()) clockMs_ += double(wall_.elapsed());
        wall_.invalidate();
    }
}

void PacketLayer::resetLanes() {
    packets_.clear();
    lanes_.clear();
    const model::Scenario& s = controller_->scenario();
    const sim::Simulation& sim = controller_->run()->simulation();
    for (std::size_t l = 0; l < s.links.size() && l < sim.linkCount(); ++l) {
        Lane lane;
        lane.from = QString::fromStdString(s.links[l].from);
        lane.to = QString::fromStdString(s.links[l].to);
        lanes_.push_back(lane);
    }
    // Baselines at the counters' current values: only traffic from now on is drawn.
    lastNow_ = controller_->now();
    lastAdvanceMs_ = clockMs_;
    spawn(0, 0);
    packets_.clear();
}

void PacketLayer::onAdvanced() {
    if (!controller_ || !controller_->loaded()) {
        lanes_.clear();
        packets_.clear();
        delete item_.data();
        return;
    }
    if (wall_.isValid()) clockMs_ += double(wall_.restart());
    const double now = controller_->now();
    if (lanes_.empty() || now < lastNow_ ||
        lanes_.size() != std::min(controller_->scenario().links.size(),
                                  controller_->run()->simulation().linkCount()))
        resetLanes(); // a new run, or the same one restarted
    spawn(clockMs_ - lastAdvanceMs_, now - lastNow_);
    lastAdvanceMs_ = clockMs_;
    lastNow_ = now;
    // The controller's tick (~60 a second while playing) is the frame clock: a timer of our
    // own would fall between its ticks and double the canvas repaints.
    frame();
}

PacketLayer::Outcome PacketLayer::drawOutcome(const std::array<double, kOutcomes>& shares) {
    double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    for (std::size_t o = 1; o < kOutcomes; ++o) {
        if (u < shares[std::size_t(o)]) return Outcome(o);
        u -= shares[std::size_t(o)];
    }
    return Outcome::Ok;
}

void PacketLayer::spawn(double wallMs, double simS) {
    const sim::Simulation& sim = controller_->run()->simulation();
    const double speed = controller_->speed();
    std::vector<std::uint64_t> fresh(lanes_.size());
    std::vector<std::array<double, kOutcomes>> shares(lanes_.size());
    std::uint64_t total = 0;
    for (std::size_t l = 0; l < lanes_.size(); ++l) {
        Lane& lane = lanes_[l];
        const sim::Link& link = sim.link(sim::Index(l));
        const auto& callee = sim.component(link.to).counters;
        const std::uint64_t calls = link.calls - lane.calls;
        const std::uint64_t arrivals = callee.arrivals - lane.calleeArrivals;
        const std::uint64_t rejected = callee.rejected - lane.calleeRejected;
        const std::uint64_t failed = callee.failed - lane.calleeFailed;
        // The callee's outcomes are shared by all its callers: its proportions stand in for
        // this link's (the core keeps no per-link outcome, and must not for our sake).
        const std::uint64_t hits = callee.readHits - lane.calleeHits; // 0 unless a cache
        shares[l] = {0, share(failed > rejected ? failed - rejected : 0, arrivals),
                     share(link.timeouts - lane.timeouts, calls), share(rejected, arrivals),
                     share(hits, arrivals)};
        lane.calls = link.calls;
        lane.timeouts = link.timeouts;
        lane.calleeArrivals = callee.arrivals;
        lane.calleeFailed = callee.failed;
        lane.calleeRejected = callee.rejected;
        lane.calleeHits = callee.readHits;
        // Smoothed over ~kRateTimeConstant simulated seconds: steady at 60 ticks a second,
        // and a long step (a paused run advanced by seconds) takes its own reading.
        // The first reading is taken whole (no climb from zero); later ones blend in.
        if (simS > 0)
            lane.simRate += (lane.measured ? 1 - std::exp(-simS / kRateTimeConstant) : 1.0) *
                            (double(calls) / simS - lane.simRate);
        lane.measured |= simS > 0;
        lane.wallRate = lane.simRate * speed;
        fresh[l] = link.replication ? 0 : calls;
        total += fresh[l];
    }
    // Sample when there are more calls than free dots: every link keeps its share.
    const double free = double(kMaxPackets - packetCount());
    const double keep = double(total) > free ? std::max(0.0, free) / double(total) : 1.0;
    std::uniform_real_distribution<double> unit(0, 1);
    for (std::size_t l = 0; l < lanes_.size(); ++l) {
        const int n = int(std::floor(double(fresh[l]) * keep + unit(rng_)));
        if (n <= 0) continue;
        const double latencyMs = sim.link(sim::Index(l)).latency.mean() * 1000;
        const double duration = std::clamp(latencyMs / speed, kMinTravelMs, kMaxTravelMs);
        // Calls of one advance left over its wall interval; a step while paused has none:
        // spread its dots along the link so they read as a flow, not one blob.
        const double spread = wallMs > 0 ? std::min(wallMs, duration) : duration * 0.9;
        for (int i = 0; i < n && packetCount() < kMaxPackets; ++i)
            packets_.push_back({float(clockMs_ - unit(rng_) * spread), float(duration),
                                std::uint16_t(l), drawOutcome(shares[l])});
    }
}

PacketItem* PacketLayer::item() {
    if (!item_) {
        item_ = new PacketItem;
        scene_->addItem(item_);
    }
    return item_;
}

void PacketLayer::frame() {
    if (!controller_ || !controller_->loaded()) return;
    if (wall_.isValid()) clockMs_ += double(wall_.restart());
    const double clock = clockMs_;
    packets_.erase(
        std::remove_if(packets_.begin(), packets_.end(),
                       [clock](const Packet& p) { return p.born + p.duration <= clock; }),
        packets_.end());
    // Each link's ends in the scene, read every frame so that dots follow moved cards.
    std::vector<std::pair<QPointF, QPointF>> ends(lanes_.size());
    std::vector<QRectF> labels(lanes_.size()); // dots pass under the latency labels
    std::vector<bool> drawn(lanes_.size(), false);
    QRectF area;
    std::vector<PacketItem::RateMark> marks;
    for (std::size_t l = 0; l < lanes_.size(); ++l) {
        const LinkItem* link = scene_->linkItem({lanes_[l].from, lanes_[l].to});
        if (!link || link->path().elementCount() < 2) continue;
        const QPainterPath path = link->path();
        ends[l] = {link->mapToScene(QPointF(path.elementAt(0))),
                   link->mapToScene(QPointF(path.elementAt(path.elementCount() - 1)))};
        drawn[l] = true;
        labels[l] = link->labelSceneRect().adjusted(-3, -3, 3, 3);
        for (const QGraphicsItem* child : link->childItems()) // a breaker's badge, same place
            if (child->type() == BreakerBadgeItem::Type)
                labels[l] |= child->sceneBoundingRect().adjusted(-3, -3, 3, 3);
        area |= QRectF(ends[l].first, ends[l].second).normalized();
        if (lanes_[l].wallRate > kReadableRate)
            marks.push_back({ends[l].first, ends[l].second,
                             std::clamp(2.5 * std::log10(lanes_[l].simRate), 3.0, 16.0),
                             rateText(lanes_[l].simRate)});
    }
    std::vector<PacketItem::Dots> dots(kOutcomes);
    for (std::size_t o = 0; o < kOutcomes; ++o)
        dots[std::size_t(o)].colour = outcomeColour(Outcome(o));
    for (const Packet& p : packets_) {
        if (!drawn[p.lane]) continue;
        const double t = std::clamp((clock - p.born) / p.duration, 0.0, 1.0);
        const auto& [a, b] = ends[p.lane];
        const QPointF at = a + (b - a) * t;
        if (!labels[p.lane].contains(at)) dots[std::size_t(p.outcome)].points.push_back(at);
    }
    item()->setFrame(std::move(dots), std::move(marks), area.adjusted(-40, -40, 40, 40));
}

int PacketLayer::laneOf(const QString& from, const QString& to) const {
    for (std::size_t l = 0; l < lanes_.size(); ++l)
        if (lanes_[l].from == from && lanes_[l].to == to) return int(l);
    return -1;
}

PacketLayer::Counts PacketLayer::packetsOn(const QString& from, const QString& to) const {
    Counts counts{};
    const int lane = laneOf(from, to);
    for (const Packet& p : packets_)
        if (p.lane == lane) ++counts[std::size_t(p.outcome)];
    return counts;
}

double PacketLayer::rateOn(const QString& from, const QString& to) const {
    const int lane = laneOf(from, to);
    return lane < 0 ? 0.0 : lanes_[std::size_t(lane)].simRate;
}

QString PacketLayer::rateLabel(const QString& from, const QString& to) const {
    const int lane = laneOf(from, to);
    if (lane < 0 || lanes_[std::size_t(lane)].wallRate <= kReadableRate) return {};
    return rateText(lanes_[std::size_t(lane)].simRate);
}

} // namespace sdlab::widgets
