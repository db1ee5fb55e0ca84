#include "link_item.h"

#include "common/canvas_look.h"
#include "common/component_style.h"
#include "component_item.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr qreal kArrowLength = 12;
constexpr qreal kArrowHalfWidth = 5.5;
} // namespace

LinkItem::LinkItem(ComponentItem* from, ComponentItem* to, const model::LinkSpec& spec)
    : from_(from)
    , to_(to) {
    setFlags(ItemIsSelectable);
    setZValue(-1); // under the cards
    setCacheMode(DeviceCoordinateCache);
    setAcceptHoverEvents(true);
    from_->attach(this);
    to_->attach(this);
    setSpec(spec);
}

LinkItem::~LinkItem() {
    detachFromItems();
}

void LinkItem::detachFromItems() {
    if (from_) from_->detach(this);
    if (to_) to_->detach(this);
    from_ = to_ = nullptr;
}

LinkKey LinkItem::key() const {
    return {from_ ? from_->id() : QString(), to_ ? to_->id() : QString()};
}

void LinkItem::setSpec(const model::LinkSpec& spec) {
    const auto& latency = spec.params["latency_ms"];
    label_ = latency.is_number() && latency.get<double>() == 0 ? QString()
                                                               : style::durationText(latency);
    QStringList parts;
    if (!label_.isEmpty()) parts << label_;
    const auto& p = spec.params;
    if (const double weight = p["weight"].get<double>(); weight != 1)
        parts << QStringLiteral("w%1").arg(weight);
    if (const std::string route = p.value("route", "all"); route != "all")
        parts << QString::fromStdString(route); // "reads" / "writes": which kind takes it
    label_ = parts.join(QStringLiteral(" · "));
    // The resilience policies it carries: in the tooltip (they would crowd short links).
    QStringList policies;
    if (const double timeout = p.value("timeout_ms", 0.0); timeout > 0)
        policies << QObject::tr("timeout %1 ms").arg(timeout);
    if (p.contains("retries") && p["retries"]["max_attempts"].get<int>() > 1)
        policies << QObject::tr("up to %1 attempts").arg(p["retries"]["max_attempts"].get<int>());
    if (p.contains("circuit_breaker")) policies << QObject::tr("circuit breaker");
    if (const int bulkhead = p.value("bulkhead", 0); bulkhead > 0)
        policies << QObject::tr("bulkhead of %1").arg(bulkhead);
    replication_ = from_->componentType() == QLatin1String("database") &&
                   to_->componentType() == QLatin1String("database");
    QString tip = (replication_ ? QObject::tr("%1 replicates to %2 (and back, after a failover): "
                                              "the latency is the replication lag")
                                : QObject::tr("%1 calls %2"))
                      .arg(QString::fromStdString(spec.from), QString::fromStdString(spec.to));
    if (!policies.isEmpty()) tip += QStringLiteral("\n") + policies.join(QStringLiteral(", "));
    setToolTip(tip);
    updateGeometry();
}

void LinkItem::updateGeometry() {
    if (!from_ || !to_) return;
    prepareGeometryChange();
    const QPointF a = from_->cardSceneRect().center(), b = to_->cardSceneRect().center();
    start_ = from_->boundaryPointToward(b);
    end_ = to_->boundaryPointToward(a);
    QPainterPath path(start_);
    path.lineTo(end_);
    setPath(path);
    update();
}

QRectF LinkItem::boundingRect() const {
    return QRectF(start_, end_).normalized().adjusted(-60, -30, 60, 30);
}

QPainterPath LinkItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path());
}

QFont LinkItem::labelFont() {
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QRectF LinkItem::labelSceneRect() const {
    if (label_.isEmpty()) return {};
    const QFontMetricsF fm(labelFont());
    QRectF r(0, 0, fm.horizontalAdvance(label_) + 10, fm.height() + 2);
    r.moveCenter(QLineF(start_, end_).center() + pos());
    return r;
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QPalette pal = QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    const bool hovered = option->state & QStyle::State_MouseOver;
    const bool bold = look::canvasLook().highContrast; // presentation: opaque ink
    QColor colour = selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text);
    if (!selected && !bold) colour.setAlphaF(hovered ? 0.85 : 0.55);
    p->setRenderHint(QPainter::Antialiasing);
    const QLineF line(start_, end_);
    if (line.length() < 1) return;
    const QPointF unit = (end_ - start_) / line.length();
    const QPointF normal(-unit.y(), unit.x());
    const QPointF arrowBase = end_ - unit * look::stroke(kArrowLength);
    // Replication is a stream between peers, not a call: dashed, in the databases' colour.
    if (replication_ && !selected) {
        colour = style::typeColor(QStringLiteral("database"));
        colour.setAlphaF(hovered || bold ? 0.95 : 0.75);
    }
    p->setPen(QPen(colour, look::stroke(selected ? 2.6 : 1.8),
                   replication_ ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    p->drawLine(start_, arrowBase);
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawPolygon(QPolygonF({end_, arrowBase + normal * look::stroke(kArrowHalfWidth),
                              arrowBase - normal * look::stroke(kArrowHalfWidth)}));
    if (label_.isEmpty()) return;
    const QFont f = labelFont();
    p->setFont(f);
    const QRectF r = labelSceneRect().translated(-pos());
    p->setBrush(pal.color(QPalette::Window));
    p->setPen(QPen(colour, 0.8));
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setPen(pal.color(QPalette::Text));
    p->drawText(r, Qt::AlignCenter, label_);
}

} // namespace sdlab::widgets
