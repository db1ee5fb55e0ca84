#include "packet_item.h"

#include "canvas/canvas_scene.h"
#include "common/canvas_look.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr qreal kDotDiameter = 6;
constexpr qreal kDotScale = 3; ///< dot pixmaps drawn this much larger: crisp when zoomed in
} // namespace

const QPixmap& PacketItem::dotPixmap(const QColor& colour) {
    auto it = dotPixmaps_.find(colour.rgba());
    if (it != dotPixmaps_.end()) return it->second;
    const int side = int(std::ceil(kDotDiameter * kDotScale)) + 2;
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(1, 1, side - 2, side - 2));
    return dotPixmaps_.emplace(colour.rgba(), pixmap).first->second;
}

PacketItem::PacketItem(QGraphicsItem* parent)
    : QGraphicsObject(parent) {
    setZValue(-0.5); // over the links, under the cards they enter
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setData(CanvasScene::kDecorationKey, true); // a run's traffic: not in diagram exports
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
        p->setPen(QPen(band, look::stroke(m.width), Qt::SolidLine, Qt::RoundCap));
        p->drawLine(m.from, m.to);
    }
    // One pre-drawn dot per colour, blitted at every position in one call: stroking 2,000
    // round points tessellates 2,000 circles a frame (most of the frame time, measured).
    const qreal dotScale = look::canvasLook().dots / kDotScale; // presentation: bigger dots
    QVector<QPainter::PixmapFragment> fragments;
    for (const Dots& d : dots_) {
        const QPixmap& dot = dotPixmap(d.colour);
        const QRectF source(QPointF(0, 0), QSizeF(dot.size()));
        fragments.clear();
        fragments.reserve(d.points.size());
        for (const QPointF& at : d.points)
            fragments.push_back(QPainter::PixmapFragment::create(at, source, dotScale, dotScale));
        p->drawPixmapFragments(fragments.constData(), int(fragments.size()), dot);
    }
    // Labels last, on the window colour, so they read over dots in either theme.
    const QFontMetricsF fm(p->font());
    for (const RateMark& m : marks_) {
        // A third of the way along: the link's own latency label sits at its middle.
        const QPointF mid = m.from + (m.to - m.from) / 3;
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
