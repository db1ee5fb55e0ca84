#include "packet_item.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>

namespace sdlab::widgets {

namespace {
constexpr qreal kDotDiameter = 6;
} // namespace

PacketItem::PacketItem(QGraphicsItem* parent)
    : QGraphicsObject(parent) {
    setZValue(-0.5); // over the links, under the cards they enter
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void PacketItem::setFrame(std::vector<Dots> dots, std::vector<RateMark> marks, const QRectF& area) {
    if (area != area_) prepareGeometryChange();
    area_ = area;
    dots_ = std::move(dots);
    marks_ = std::move(marks);
    update();
}

void PacketItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette pal = QApplication::palette();
    p->setRenderHint(QPainter::Antialiasing);
    // Throughput first, under the dots: a translucent band as wide as the rate's magnitude.
    QColor band = pal.color(QPalette::Highlight);
    band.setAlphaF(0.3);
    for (const RateMark& m : marks_) {
        p->setPen(QPen(band, m.width, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(m.from, m.to);
    }
    // Round-capped wide points: one drawPoints per colour is far cheaper than 2,000 ellipses.
    for (const Dots& d : dots_) {
        p->setPen(QPen(d.colour, kDotDiameter, Qt::SolidLine, Qt::RoundCap));
        p->drawPoints(d.points.constData(), int(d.points.size()));
    }
    // Labels last, on the window colour, so they read over dots in either theme.
    const QFontMetricsF fm(p->font());
    for (const RateMark& m : marks_) {
        const QPointF mid = (m.from + m.to) / 2;
        QRectF box = fm.boundingRect(m.label).adjusted(-4, -1, 4, 1);
        box.moveCenter(mid + QPointF(0, -(m.width / 2 + box.height() / 2 + 2)));
        QColor back = pal.color(QPalette::Window);
        back.setAlphaF(0.85);
        p->setPen(Qt::NoPen);
        p->setBrush(back);
        p->drawRoundedRect(box, 3, 3);
        p->setPen(pal.color(QPalette::Text));
        p->drawText(box, Qt::AlignCenter, m.label);
    }
}

} // namespace sdlab::widgets
