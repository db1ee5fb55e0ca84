#include "breaker_badge_item.h"

#include "canvas/canvas_scene.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QPainter>

namespace sdlab::widgets {

namespace {

QFont badgeFont() {
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QColor stateColor(policies::CircuitBreaker::State s) {
    switch (s) {
    case policies::CircuitBreaker::State::Closed:
        return QColor(0x1E, 0x8E, 0x3E);
    case policies::CircuitBreaker::State::Open:
        return QColor(0xD9, 0x2D, 0x20);
    case policies::CircuitBreaker::State::HalfOpen:
        return QColor(0xC2, 0x7C, 0x0E);
    }
    return Qt::gray;
}

} // namespace

BreakerBadgeItem::BreakerBadgeItem(QGraphicsItem* link)
    : QGraphicsItem(link) {
    setData(CanvasScene::kDecorationKey, true);
    setAcceptHoverEvents(true);
}

void BreakerBadgeItem::setState(policies::CircuitBreaker::State state, const QString& tooltip) {
    if (state != state_) {
        prepareGeometryChange(); // the text's width changes
        state_ = state;
    }
    setToolTip(tooltip);
    update();
}

QString BreakerBadgeItem::text() const {
    // Says what it is: "OPEN" alone reads as anything (a new user could not tell).
    return QObject::tr("breaker %1")
        .arg(QString::fromLatin1(policies::stateName(state_)).replace('_', '-'));
}

QPointF BreakerBadgeItem::anchor() const {
    // On the link's middle, over its latency label (in the tooltip): the live state matters
    // more during a run, and the traffic's rate label keeps its place above the line.
    const auto* link = static_cast<const QGraphicsPathItem*>(parentItem());
    return link->path().pointAtPercent(0.5);
}

QRectF BreakerBadgeItem::boundingRect() const {
    const QFontMetricsF fm(badgeFont());
    QRectF r(0, 0, fm.horizontalAdvance(text()) + 14, fm.height() + 4);
    r.moveCenter(anchor());
    return r;
}

void BreakerBadgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF r = boundingRect();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(Qt::white, 1.2));
    p->setBrush(stateColor(state_));
    p->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), r.height() / 2, r.height() / 2);
    p->setFont(badgeFont());
    p->drawText(r, Qt::AlignCenter, text());
}

} // namespace sdlab::widgets
