#include "component_item.h"

#include "canvas_scene.h"
#include "common/canvas_look.h"
#include "common/component_style.h"
#include "document/document.h"
#include "link_item.h"

#include <QApplication>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr qreal kRadius = 10;
constexpr qreal kHandleRadius = 8;
constexpr qreal kMargin = 18; // room around the card for the handle, badges and the SPOF tag
} // namespace

ComponentItem::ComponentItem(const model::ComponentSpec& spec)
    : id_(QString::fromStdString(spec.id))
    , type_(QString::fromStdString(spec.type))
    , icon_(style::iconPath(type_)) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCursor(Qt::OpenHandCursor);
    setCacheMode(DeviceCoordinateCache);
    setSpec(spec);
}

void ComponentItem::setSpec(const model::ComponentSpec& spec) {
    id_ = QString::fromStdString(spec.id);
    title_ =
        spec.label.empty() ? QString::fromStdString(spec.id) : QString::fromStdString(spec.label);
    subtitle_ = style::summary(spec);
    replicas_ = spec.params.contains("replicas") ? spec.params["replicas"].get<int>() : 1;
    setToolTip(QStringLiteral("<b>%1</b> — %2<br>%3")
                   .arg(QString::fromStdString(spec.id).toHtmlEscaped(), style::title(type_),
                        subtitle_.toHtmlEscaped()));
    const QPointF p = Document::positionOf(spec);
    if (p != pos()) setPos(p);
    update();
}

void ComponentItem::setSinglePointOfFailure(bool on) {
    if (spof_ == on) return;
    spof_ = on;
    update();
}

void ComponentItem::setUnreachable(bool on) {
    if (unreachable_ == on) return;
    unreachable_ = on;
    setOpacity(on ? 0.45 : 1.0);
}

void ComponentItem::setInLoop(bool on) {
    if (inLoop_ == on) return;
    inLoop_ = on;
    update();
}

QRectF ComponentItem::boundingRect() const {
    return QRectF(-kMargin, -kMargin - 6, kWidth + 2 * kMargin, kHeight + 2 * kMargin + 6);
}

QPainterPath ComponentItem::shape() const {
    QPainterPath path;
    // Winding: where the handle overlaps the card is inside both, not a hole (odd-even fill
    // would leave its inner half unclickable).
    path.setFillRule(Qt::WindingFill);
    path.addRoundedRect(QRectF(0, 0, kWidth, kHeight), kRadius, kRadius);
    path.addEllipse(QPointF(kWidth, kHeight / 2), kHandleRadius + 8, kHandleRadius + 8);
    return path;
}

void ComponentItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QPalette pal = QApplication::palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QColor accent = style::typeColor(type_);
    const QRectF card(0, 0, kWidth, kHeight);
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);

    // Replicas: a second and third card peeking out behind, like a stack.
    for (int k = std::min(replicas_, 3) - 1; k >= 1; --k) {
        p->setPen(QPen(accent.lighter(dark ? 80 : 150), look::stroke(1)));
        p->setBrush(pal.color(QPalette::Base).darker(dark ? 90 : 103));
        p->drawRoundedRect(card.translated(4 * k, -4 * k), kRadius, kRadius);
    }

    QColor border = accent;
    border.setAlpha(dark ? 160 : 110);
    qreal borderWidth = 1.2;
    if (inLoop_) border = QColor(0xD9, 0x77, 0x06), borderWidth = 2.5;
    if (spof_) border = QColor(0xD9, 0x2D, 0x20), borderWidth = 2.5;
    if (selected) border = pal.color(QPalette::Highlight), borderWidth = 3;
    if (look::canvasLook().highContrast) border.setAlpha(255);
    p->setPen(
        QPen(border, look::stroke(borderWidth), spof_ && !selected ? Qt::DashLine : Qt::SolidLine));
    p->setBrush(pal.color(QPalette::Base));
    p->drawRoundedRect(card, kRadius, kRadius);

    // Category strip on the left edge.
    QPainterPath strip;
    strip.addRoundedRect(QRectF(0, 0, 2 * kRadius, kHeight), kRadius, kRadius);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 5, kHeight));
    p->fillPath(strip.intersected(clip), accent);

    icon_.render(p, QRectF(14, (kHeight - 36) / 2, 36, 36));

    QFont titleFont = QApplication::font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    p->setFont(titleFont);
    p->setPen(pal.color(QPalette::Text));
    const QRectF textRect(60, 10, kWidth - 68, 22);
    p->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(titleFont).elidedText(title_, Qt::ElideRight, int(textRect.width())));
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p->setFont(small);
    p->setPen(pal.color(QPalette::PlaceholderText));
    const QRectF subRect(60, 32, kWidth - 68, 20);
    p->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(subtitle_, Qt::ElideRight, int(subRect.width())));

    auto pill = [&](const QString& text, QPointF anchor, const QColor& fill, bool alignRight) {
        QFont f = small;
        f.setBold(true);
        const QFontMetricsF fm(f);
        const QSizeF size(fm.horizontalAdvance(text) + 12, fm.height() + 2);
        QRectF r(anchor, size);
        if (alignRight) r.moveRight(anchor.x());
        p->setPen(Qt::NoPen);
        p->setBrush(fill);
        p->drawRoundedRect(r, size.height() / 2, size.height() / 2);
        p->setPen(Qt::white);
        p->setFont(f);
        p->drawText(r, Qt::AlignCenter, text);
    };
    if (replicas_ > 1)
        pill(QStringLiteral("×%1").arg(replicas_), QPointF(kWidth - 6, -9), accent, true);
    if (spof_)
        pill(tr("single point of failure"), QPointF(10, -10), QColor(0xD9, 0x2D, 0x20), false);

    if (hovered_) { // the connection handle
        p->setPen(QPen(pal.color(QPalette::Base), 2));
        p->setBrush(handleHovered_ ? pal.color(QPalette::Highlight) : accent);
        p->drawEllipse(QPointF(kWidth, kHeight / 2), kHandleRadius, kHandleRadius);
        p->setPen(QPen(Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap));
        const QPointF c(kWidth, kHeight / 2);
        p->drawLine(c + QPointF(-3, 0), c + QPointF(3, 0));
        p->drawLine(c + QPointF(0, -3), c + QPointF(0, 3));
    }
}

QPointF ComponentItem::handleScenePos() const {
    return mapToScene(QPointF(kWidth, kHeight / 2));
}

bool ComponentItem::isOnHandle(QPointF scenePos, qreal zoom) const {
    // Generous: the handle is small on screen when zoomed out, and missing it drags the card.
    const qreal reach = std::max(kHandleRadius + 8, 12 / std::max(zoom, 0.05));
    return QLineF(scenePos, handleScenePos()).length() <= reach;
}

QRectF ComponentItem::cardSceneRect() const {
    return mapRectToScene(QRectF(0, 0, kWidth, kHeight));
}

QPointF ComponentItem::boundaryPointToward(QPointF target) const {
    const QRectF r = cardSceneRect();
    const QPointF c = r.center();
    const QPointF d = target - c;
    if (d.isNull()) return c;
    // Scale the direction so it touches the nearer of the vertical or horizontal edges.
    const qreal sx = d.x() != 0 ? (r.width() / 2) / std::abs(d.x()) : 1e9;
    const qreal sy = d.y() != 0 ? (r.height() / 2) / std::abs(d.y()) : 1e9;
    return c + d * std::min({sx, sy, 1.0});
}

void ComponentItem::attach(LinkItem* link) {
    links_.append(link);
}

void ComponentItem::detach(LinkItem* link) {
    links_.removeAll(link);
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    // Snap only what the mouse drags: positions set from the model (undo, align, files) are
    // taken as they are, so the card and the model never disagree.
    if (change == ItemPositionChange && scene() && scene()->mouseGrabberItem()) {
        const QPointF p = value.toPointF();
        return QPointF(std::round(p.x() / kGrid) * kGrid, std::round(p.y() / kGrid) * kGrid);
    }
    if (change == ItemPositionHasChanged) {
        for (auto* link : std::as_const(links_))
            link->updateGeometry();
        if (auto* canvas = qobject_cast<CanvasScene*>(scene())) canvas->updateZones();
    }
    return QGraphicsObject::itemChange(change, value);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    hovered_ = true;
    update();
    QGraphicsObject::hoverEnterEvent(event);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    hovered_ = handleHovered_ = false;
    unsetCursor();
    setCursor(Qt::OpenHandCursor);
    update();
    QGraphicsObject::hoverLeaveEvent(event);
}

void ComponentItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event) {
    const bool onHandle = isOnHandle(event->scenePos());
    if (onHandle != handleHovered_) {
        handleHovered_ = onHandle;
        setCursor(onHandle ? Qt::CrossCursor : Qt::OpenHandCursor);
        update();
    }
    QGraphicsObject::hoverMoveEvent(event);
}

} // namespace sdlab::widgets
