#include "trace_path.h"

#include "canvas/canvas_scene.h"
#include "canvas/link_item.h"
#include "model/scenario.h"
#include "sim/simulation.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>

#include <map>

namespace sdlab::widgets {

namespace {
constexpr qreal kStroke = 9;
constexpr qreal kBadge = 20; ///< diameter of a call's number
} // namespace

QColor spanColour(const sim::Span& span) {
    return span.ok ? QColor(0x2e, 0x9d, 0x5b) : QColor(0xd6, 0x3a, 0x3a);
}

TracePath::TracePath(CanvasScene* scene)
    : scene_(scene) {
    setZValue(-0.4); // over the links and the traffic on them, under the cards
    setAcceptedMouseButtons(Qt::NoButton);
    setData(CanvasScene::kDecorationKey, true);
    scene_->addItem(this);
}

void TracePath::show(const sim::RequestTrace& trace, const sim::Simulation& sim,
                     const model::Scenario& scenario) {
    const auto idOf = [&](sim::Index c) {
        return QString::fromStdString(scenario.components[c].id);
    };
    std::vector<Hop> hops;
    std::map<sim::Index, int> callsOnLink; // retries and repeat calls spread along the link
    QRectF area;
    const auto& spans = trace.spans();
    for (const sim::Span& span : spans) {
        if (span.parent < 0 || span.link == sim::kNone) continue;
        const sim::Link& link = sim.link(span.link);
        const LinkItem* item = scene_->linkItem({idOf(link.from), idOf(link.to)});
        if (!item || item->path().elementCount() < 2) continue;
        const QPainterPath path = item->path();
        Hop hop;
        hop.from = item->mapToScene(QPointF(path.elementAt(0)));
        hop.to = item->mapToScene(QPointF(path.elementAt(path.elementCount() - 1)));
        hop.number = int(hops.size()) + 1;
        hop.along = 0.2 + 0.12 * (callsOnLink[span.link]++ % 4); // clear of the mid label
        hop.colour = spanColour(span);
        const double ms = span.end == sim::Span::kOpen ? 0 : (span.end - span.start) * 1000;
        hop.tip = tr("Call %1: %2 → %3, attempt %4, %5 ms%6")
                      .arg(hop.number)
                      .arg(idOf(link.from), idOf(link.to))
                      .arg(span.attempt)
                      .arg(ms, 0, 'f', 1)
                      .arg(span.ok ? QString() : tr(", failed"));
        area |= QRectF(hop.from, hop.to).normalized();
        hops.push_back(hop);
    }
    prepareGeometryChange();
    hops_ = std::move(hops);
    area_ = area.adjusted(-kBadge, -kBadge, kBadge, kBadge);
    QStringList tips;
    for (const Hop& h : hops_)
        tips << h.tip;
    setToolTip(tips.join('\n'));
    setVisible(!hops_.empty());
    update();
}

void TracePath::clear() {
    prepareGeometryChange();
    hops_.clear();
    area_ = {};
    setVisible(false);
}

QRectF TracePath::boundingRect() const {
    return area_;
}

QPainterPath TracePath::shape() const {
    QPainterPath lines;
    for (const Hop& h : hops_) {
        lines.moveTo(h.from);
        lines.lineTo(h.to);
        const QPointF at = h.from + (h.to - h.from) * h.along;
        lines.addEllipse(at, kBadge / 2, kBadge / 2);
    }
    QPainterPathStroker stroker;
    stroker.setWidth(kStroke + 4);
    return stroker.createStroke(lines) | lines;
}

void TracePath::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    for (const Hop& h : hops_) {
        QColor glow = h.colour;
        glow.setAlphaF(0.45);
        p->setPen(QPen(glow, kStroke, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(h.from, h.to);
    }
    QFont f = QApplication::font();
    f.setBold(true);
    p->setFont(f);
    for (const Hop& h : hops_) {
        const QPointF at = h.from + (h.to - h.from) * h.along;
        const QRectF badge(at.x() - kBadge / 2, at.y() - kBadge / 2, kBadge, kBadge);
        p->setPen(QPen(Qt::white, 1.5));
        p->setBrush(h.colour);
        p->drawEllipse(badge);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, QString::number(h.number));
    }
}

} // namespace sdlab::widgets
