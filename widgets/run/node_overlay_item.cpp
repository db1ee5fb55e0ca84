#include "node_overlay_item.h"

#include "canvas/component_item.h"

#include "canvas/canvas_scene.h"
#include "common/canvas_look.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStringList>
#include <algorithm>

namespace sdlab::widgets {

namespace {

constexpr qreal kW = ComponentItem::kWidth, kH = ComponentItem::kHeight;
constexpr qreal kBarTop = kH + 4, kBarHeight = 16, kChipTop = kBarTop + kBarHeight + 3;
const QColor kRed(0xD9, 0x2D, 0x20), kAmber(0xC2, 0x7C, 0x0E), kGreen(0x1E, 0x8E, 0x3E);

QColor loadColor(double fraction) {
    return fraction >= 0.9 ? kRed : fraction >= 0.7 ? kAmber : kGreen;
}

QFont smallBold(qreal scale = 0.85) {
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * scale);
    return f;
}

/// A bar filled to `fraction` in `fill`, its text over it in the theme's text colour.
void bar(QPainter* p, const QRectF& r, double fraction, const QColor& fill, const QString& text) {
    const QPalette pal = QApplication::palette();
    p->setPen(QPen(pal.color(QPalette::Mid), look::stroke(0.8)));
    p->setBrush(pal.color(QPalette::Base));
    p->drawRoundedRect(r, 4, 4);
    QColor c = fill;
    c.setAlphaF(0.6);
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    const QRectF filled(r.topLeft(),
                        QSizeF(r.width() * std::clamp(fraction, 0.0, 1.0), r.height()));
    p->drawRoundedRect(filled, 4, 4);
    p->setPen(pal.color(QPalette::Text));
    p->setFont(smallBold());
    p->drawText(r.adjusted(5, 0, -5, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
}

/// Chips left to right from `x`; returns where the next one goes.
qreal chip(QPainter* p, qreal x, qreal y, const QString& text, const QColor& fill) {
    const QFont f = smallBold(0.8);
    const QFontMetricsF fm(f);
    const QRectF r(x, y, fm.horizontalAdvance(text) + 12, fm.height() + 2);
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setPen(Qt::white);
    p->setFont(f);
    p->drawText(r, Qt::AlignCenter, text);
    return r.right() + 4;
}

QString percent(double fraction) {
    return QStringLiteral("%1%").arg(qRound(fraction * 100));
}

QString tooltipFor(const NodeFigures& f) {
    QStringList lines;
    if (f.faults.down) lines << QObject::tr("DOWN: crashed, every call fails at once");
    if (f.faults.slowFactor != 1)
        lines << QObject::tr("Slowed: its work takes %1× as long").arg(f.faults.slowFactor);
    if (f.faults.errorRate > 0)
        lines << QObject::tr("Erroring: %1 of calls fail").arg(percent(f.faults.errorRate));
    if (f.workers > 0)
        lines << QObject::tr("Utilisation %1: %2 of %3 workers busy on average over the last "
                             "%4 s")
                     .arg(percent(f.utilisation))
                     .arg(f.utilisation * f.workers, 0, 'f', 2)
                     .arg(f.workers)
                     .arg(f.interval, 0, 'g', 3);
    if (f.backlog)
        lines << QObject::tr("Backlog: %1 messages waiting").arg(f.queue, 0, 'f', 0);
    else if (f.workers > 0)
        lines << QObject::tr("Queue: %1 requests waiting on average").arg(f.queue, 0, 'f', 1);
    if (f.instances >= 0)
        lines << QObject::tr("Instances: %1 running (configured %2)")
                     .arg(f.instances)
                     .arg(f.replicas);
    if (f.hitRatio >= 0)
        lines << QObject::tr("Cache hits: %1 of %2 look-ups").arg(percent(f.hitRatio)).arg(f.reads);
    if (f.role == NodeFigures::Role::Primary) lines << QObject::tr("Primary: takes the writes");
    if (f.role == NodeFigures::Role::Replica) {
        lines << QObject::tr("Replica: follows the primary");
        if (f.lagMs >= 0)
            lines << QObject::tr("Replication lag: %1 ms on average for the writes it applied "
                                 "in the last %2 s")
                         .arg(f.lagMs, 0, 'f', f.lagMs < 10 ? 1 : 0)
                         .arg(f.interval, 0, 'f', 2);
    }
    lines << f.mechanism;
    if (!f.tables.empty()) return mechanismHtml(lines, f.tables);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

NodeOverlayItem::NodeOverlayItem(QGraphicsItem* card)
    : QGraphicsItem(card) {
    setData(CanvasScene::kDecorationKey, true);
    setAcceptHoverEvents(true);
}

void NodeOverlayItem::setFigures(const NodeFigures& figures) {
    figures_ = figures;
    setToolTip(tooltipFor(figures_));
    update();
}

QRectF NodeOverlayItem::boundingRect() const {
    return QRectF(-2, -2, kW + 4, kChipTop + 22);
}

void NodeOverlayItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const NodeFigures& f = figures_;
    p->setRenderHint(QPainter::Antialiasing);
    // Bars under the card: how loaded it is, how much waits.
    const qreal gap = 6;
    const bool queueBar = f.backlog || f.workers > 0;
    const qreal loadWidth = queueBar ? kW * 0.58 : kW;
    if (f.workers > 0)
        bar(p, QRectF(0, kBarTop, loadWidth, kBarHeight), f.utilisation, loadColor(f.utilisation),
            QObject::tr("busy %1").arg(percent(f.utilisation)));
    if (queueBar) {
        const QRectF r(f.workers > 0 ? loadWidth + gap : 0, kBarTop,
                       f.workers > 0 ? kW - loadWidth - gap : kW, kBarHeight);
        const double fill = f.queue / (f.queue + 10); // half full at 10 waiting
        bar(p, r, fill, loadColor(fill),
            (f.backlog ? QObject::tr("backlog %1") : QObject::tr("queue %1"))
                .arg(f.queue < 10 ? QString::number(f.queue, 'f', 1)
                                  : QString::number(qRound64(f.queue))));
    }
    // Chips: state at a glance.
    qreal x = 0;
    const qreal y = (f.workers > 0 || queueBar) ? kChipTop : kBarTop;
    if (f.faults.slowFactor != 1)
        x = chip(p, x, y, QObject::tr("SLOW ×%1").arg(f.faults.slowFactor), kAmber);
    if (f.faults.errorRate > 0)
        x = chip(p, x, y, QObject::tr("ERR %1").arg(percent(f.faults.errorRate)),
                 QColor(0xE8, 0x5D, 0x04));
    if (f.instances >= 0)
        x = chip(p, x, y, QObject::tr("%1/%2 up").arg(f.instances).arg(f.replicas),
                 f.instances < f.replicas ? kAmber : QColor(0x4B, 0x55, 0x63));
    if (f.hitRatio >= 0)
        x = chip(p, x, y, QObject::tr("hit %1").arg(percent(f.hitRatio)), QColor(0x0E, 0x7C, 0x86));
    if (f.role != NodeFigures::Role::None)
        x = chip(p, x, y,
                 f.role == NodeFigures::Role::Primary ? QObject::tr("PRIMARY")
                 : f.lagMs >= 0
                     ? QObject::tr("REPLICA · lag %1 ms").arg(f.lagMs, 0, 'f', f.lagMs < 10 ? 1 : 0)
                     : QObject::tr("REPLICA"),
                 f.role == NodeFigures::Role::Primary ? QColor(0x1D, 0x4E, 0xD8)
                                                      : QColor(0x64, 0x74, 0x8B));
    if (!f.faults.down) return;
    // Down: the card greyed out under a red badge.
    QColor veil = QApplication::palette().color(QPalette::Window);
    veil.setAlphaF(0.7);
    p->setPen(Qt::NoPen);
    p->setBrush(veil);
    p->drawRoundedRect(QRectF(0, 0, kW, kH), 10, 10); // the card's own radius
    const QFont big = smallBold(1.1);
    const QFontMetricsF fm(big);
    QRectF badge(0, 0, fm.horizontalAdvance(QStringLiteral("DOWN")) + 20, fm.height() + 6);
    badge.moveCenter(QPointF(kW / 2, kH / 2));
    p->setPen(QPen(Qt::white, 1.5));
    p->setBrush(kRed);
    p->drawRoundedRect(badge, 5, 5);
    p->setFont(big);
    p->drawText(badge, Qt::AlignCenter, QObject::tr("DOWN"));
}

} // namespace sdlab::widgets
