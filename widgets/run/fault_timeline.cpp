#include "fault_timeline.h"

#include "fault_log.h"
#include "live_run_controller.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr int kGap = 3, kMargin = 4, kMaxFaultLanes = 3, kMaxBreakerLanes = 4;
constexpr int kMinLane = 11;
const QColor kTrafficColour(0x2F, 0x6F, 0xDE), kCaptionColour(0x6B, 0x72, 0x80);

QFont laneFont(const QFont& base) {
    QFont small = base;
    small.setPointSizeF(small.pointSizeF() * 0.8);
    return small;
}

sim::Fault::Kind kindOf(const std::string& kind) {
    using K = sim::Fault::Kind;
    if (kind == "slow") return K::Slow;
    if (kind == "errors") return K::Errors;
    if (kind == "partition") return K::Partition;
    if (kind == "cache_flush") return K::CacheFlush;
    if (kind == "packet_loss") return K::PacketLoss;
    if (kind == "consumer_stop") return K::ConsumerStop;
    return K::Crash; // crash, zone_outage
}
} // namespace

FaultTimeline::FaultTimeline(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    hide();
}

void FaultTimeline::attach(LiveRunController* controller) {
    if (controller_) controller_->disconnect(this);
    controller_ = controller;
    if (controller_) {
        connect(controller_, &LiveRunController::advanced, this, &FaultTimeline::rebuild);
        connect(controller_, &LiveRunController::stateChanged, this, &FaultTimeline::rebuild);
    }
    rebuild();
}

int FaultTimeline::laneHeight() const {
    return std::max(kMinLane, QFontMetrics(laneFont(font())).height());
}

int FaultTimeline::labelWidth() const {
    return std::max(130, 16 * QFontMetrics(laneFont(font())).averageCharWidth());
}

int FaultTimeline::scriptLanes() const {
    if (!controller_ || !controller_->loaded()) return 0;
    const auto& s = controller_->scenario();
    return (s.loadChanges.empty() ? 0 : 1) + (s.captions.empty() ? 0 : 1);
}

QSize FaultTimeline::sizeHint() const {
    int breakers = 0;
    if (controller_ && controller_->loaded())
        for (std::size_t l = 0; l < controller_->run()->simulation().linkCount(); ++l)
            breakers += controller_->run()->simulation().link(sim::Index(l)).breaker ? 1 : 0;
    const int lanes = kMaxFaultLanes + scriptLanes() + std::min(breakers, kMaxBreakerLanes);
    return {400, 2 * kMargin + lanes * (laneHeight() + kGap)};
}

double FaultTimeline::xOf(double t) const {
    const double duration = controller_ ? controller_->scenario().durationS : 1;
    const int labelWidth = this->labelWidth();
    const double w = width() - labelWidth - 2 * kMargin;
    return labelWidth + kMargin + w * std::clamp(t / std::max(duration, 1e-9), 0.0, 1.0);
}

void FaultTimeline::laneLabel(int lane, int lanes, const QString& text) {
    labels_.push_back({QRectF(kMargin, kMargin + lane * (laneHeight() + kGap),
                              labelWidth() - 2 * kMargin, lanes * (laneHeight() + kGap) - kGap),
                       text});
}

QRectF FaultTimeline::laneRect(int lane, double from, double to) const {
    const double x0 = xOf(from), x1 = std::max(xOf(to), x0 + 3); // an instant is a tick
    return QRectF(x0, kMargin + lane * (laneHeight() + kGap), x1 - x0, laneHeight());
}

void FaultTimeline::addScriptMarks(int lane) {
    const model::Scenario& s = controller_->scenario();
    const double now = controller_->now();
    // Planned: outlined, with its words inside; up to now: filled.
    auto span = [&](int lane, double from, double to, const QColor& colour, const QString& inside,
                    const QString& hover) {
        const QRectF planned = laneRect(lane, from, to);
        outlines_.push_back({planned, colour});
        QColor done = colour; // light enough for its words to read over it
        done.setAlphaF(0.45);
        if (from <= now) fills_.push_back({laneRect(lane, from, std::min(to, now)), done});
        texts_.push_back({planned, inside});
        marks_.push_back({planned, hover});
    };
    if (!s.loadChanges.empty()) {
        laneLabel(lane, 1, tr("Traffic"));
        for (const auto& c : s.loadChanges) {
            const double end = c.durationS > 0 ? c.atS + c.durationS : s.durationS;
            const QString level = c.rps >= 0 ? tr("%1/s").arg(c.rps) : tr("×%1").arg(c.factor);
            QStringList who;
            for (const auto& id : c.targets)
                who << QString::fromStdString(id);
            span(lane, c.atS, end, kTrafficColour, level,
                 tr("Traffic %1 (%2) from %3 s to %4 s")
                     .arg(level, who.isEmpty() ? tr("every client") : who.join(", "))
                     .arg(c.atS)
                     .arg(end));
        }
        ++lane;
    }
    if (!s.captions.empty()) {
        laneLabel(lane, 1, tr("Captions"));
        for (const auto& c : s.captions) {
            const QString text = QString::fromStdString(c.text);
            span(lane, c.atS, c.atS + c.durationS, kCaptionColour, text,
                 tr("Caption at %1 s for %2 s%3: %4")
                     .arg(c.atS)
                     .arg(c.durationS)
                     .arg(c.pause ? tr(" (pauses the run)") : QString(), text));
        }
    }
}

void FaultTimeline::rebuild() {
    const bool loaded = controller_ && controller_->loaded();
    setVisible(loaded);
    marks_.clear();
    fills_.clear();
    outlines_.clear();
    labels_.clear();
    texts_.clear();
    if (!loaded) return;
    const model::Scenario& s = controller_->scenario();
    const sim::Simulation& sim = controller_->run()->simulation();
    const double now = controller_->now();
    laneLabel(0, kMaxFaultLanes, tr("Faults"));
    // Greedy lanes: a fault goes in the first lane free at its start.
    std::vector<double> laneEnds(kMaxFaultLanes, -1);
    auto laneFor = [&](double start, double end) {
        for (int k = 0; k < kMaxFaultLanes; ++k)
            if (laneEnds[std::size_t(k)] <= start) {
                laneEnds[std::size_t(k)] = end;
                return k;
            }
        return kMaxFaultLanes - 1;
    };
    for (const auto& f : s.faults) { // planned: outlined
        const double end = f.durationS > 0 ? f.atS + f.durationS : s.durationS;
        const QRectF r = laneRect(laneFor(f.atS, end), f.atS, end);
        outlines_.push_back({r, faultColor(kindOf(f.kind))});
        marks_.push_back({r, tr("Scheduled: %1 from %2 s to %3 s")
                                 .arg(QString::fromStdString(f.kind))
                                 .arg(f.atS)
                                 .arg(end)});
    }
    std::fill(laneEnds.begin(), laneEnds.end(), -1);
    for (const auto& span : faultSpans(sim)) { // as it happened: filled, up to now
        const sim::Fault& f = sim.fault(span.fault);
        const double end = std::min(span.end, now);
        const QRectF r = laneRect(laneFor(span.start, end), span.start, end);
        fills_.push_back({r, faultColor(f.kind)});
        marks_.push_back(
            {r, tr("%1: %2 s – %3")
                    .arg(faultText(f, s))
                    .arg(span.start, 0, 'f', 2)
                    .arg(std::isinf(span.end) ? tr("now") : tr("%1 s").arg(span.end, 0, 'f', 2))});
    }
    addScriptMarks(kMaxFaultLanes);
    int lane = kMaxFaultLanes + scriptLanes();
    const int lastLane = lane + kMaxBreakerLanes;
    for (std::size_t l = 0; l < sim.linkCount() && l < s.links.size() && lane < lastLane; ++l) {
        const auto& breaker = sim.link(sim::Index(l)).breaker;
        if (!breaker) continue;
        const QString name = QString::fromStdString(s.links[l].from + " → " + s.links[l].to);
        laneLabel(lane, 1, name);
        const auto& changes = breaker->transitions();
        for (std::size_t k = 0; k < changes.size(); ++k) {
            const auto [at, state] = changes[k];
            if (state == policies::CircuitBreaker::State::Closed) continue;
            const double until = k + 1 < changes.size() ? changes[k + 1].first : now;
            const QRectF r = laneRect(lane, at, until);
            const bool open = state == policies::CircuitBreaker::State::Open;
            fills_.push_back({r, open ? QColor(0xD9, 0x2D, 0x20) : QColor(0xC2, 0x7C, 0x0E)});
            marks_.push_back({r, tr("Breaker %1 %2 at %3 s")
                                     .arg(name, policies::stateName(state))
                                     .arg(at, 0, 'f', 2)});
        }
        ++lane;
    }
    setFixedHeight(sizeHint().height()); // a run with more breakers needs more lanes
    update();
}

void FaultTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(rect().topLeft(), rect().topRight());
    for (const auto& [r, c] : outlines_) {
        QColor fill = c;
        fill.setAlphaF(0.15);
        p.setPen(QPen(c, 1, Qt::DashLine));
        p.setBrush(fill);
        p.drawRoundedRect(r, 2, 2);
    }
    p.setPen(Qt::NoPen);
    for (const auto& [r, c] : fills_) {
        p.setBrush(c);
        p.drawRoundedRect(r, 2, 2);
    }
    const QFont small = laneFont(font());
    p.setFont(small);
    p.setPen(palette().color(QPalette::Text));
    const QFontMetrics fm(small);
    for (const auto& [r, text] : texts_) // inside script marks, where they have room
        if (r.width() > fm.averageCharWidth() * 4)
            p.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(text, Qt::ElideRight, int(r.width()) - 6));
    for (const auto& [r, text] : labels_)
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(small).elidedText(text, Qt::ElideMiddle, int(r.width())));
    if (!controller_) return;
    const double x = xOf(controller_->now());
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
    // The clock, at the top of the label column: the strip's marks stay clear.
    p.drawText(QRectF(kMargin, kMargin, labelWidth() - 3 * kMargin, laneHeight()),
               Qt::AlignRight | Qt::AlignVCenter, tr("%1 s").arg(controller_->now(), 0, 'f', 1));
}

QString FaultTimeline::describeAt(QPoint pos) const {
    QStringList texts;
    for (const auto& m : marks_)
        if (m.rect.adjusted(-2, -1, 2, 1).contains(pos)) texts << m.text;
    return texts.join(QLatin1Char('\n'));
}

QStringList FaultTimeline::markTexts() const {
    QStringList texts;
    for (const auto& m : marks_)
        texts << m.text;
    return texts;
}

bool FaultTimeline::event(QEvent* e) {
    // Marks are laid out in pixels, lanes as tall as the font.
    if (e->type() == QEvent::Resize || e->type() == QEvent::FontChange) rebuild();
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QString text = describeAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace sdlab::widgets
