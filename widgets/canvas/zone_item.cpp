#include "zone_item.h"

#include "common/canvas_look.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace sdlab::widgets {

namespace {
constexpr qreal kPadding = 26;
const QColor kZoneColour(0x5B, 0x68, 0x80);
} // namespace

ZoneItem::ZoneItem(QString id)
    : id_(std::move(id)) {
    setFlags(ItemIsSelectable);
    setZValue(-2); // under links and cards
}

void ZoneItem::setLabel(const QString& label) {
    label_ = label.isEmpty() ? id_ : label;
    update();
}

void ZoneItem::fitAround(const QList<QRectF>& memberRects) {
    QRectF box;
    for (const auto& r : memberRects)
        box |= r;
    prepareGeometryChange();
    box_ = box.isNull() ? QRectF() : box.adjusted(-kPadding, -kPadding - 14, kPadding, kPadding);
    setVisible(!box_.isNull());
}

QRectF ZoneItem::titleRect() const {
    QFont f = QApplication::font();
    f.setBold(true);
    const QFontMetricsF fm(f);
    return QRectF(box_.left() + 12, box_.top() - fm.height() / 2 - 3,
                  fm.horizontalAdvance(label_) + 20, fm.height() + 6);
}

QRectF ZoneItem::boundingRect() const {
    return box_.united(titleRect()).adjusted(-3, -3, 3, 3);
}

QPainterPath ZoneItem::shape() const {
    QPainterPath path;
    path.addRect(titleRect());
    return path;
}

void ZoneItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (box_.isNull()) return;
    const QPalette pal = QApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    QColor fill = kZoneColour;
    fill.setAlphaF(0.06);
    QColor border = selected ? pal.color(QPalette::Highlight) : kZoneColour;
    p->setPen(QPen(border, look::stroke(selected ? 2.5 : 1.6), Qt::DashLine));
    p->setBrush(fill);
    p->drawRoundedRect(box_, 16, 16);
    const QRectF title = titleRect();
    p->setPen(Qt::NoPen);
    p->setBrush(selected ? pal.color(QPalette::Highlight) : kZoneColour);
    p->drawRoundedRect(title, title.height() / 2, title.height() / 2);
    QFont f = QApplication::font();
    f.setBold(true);
    p->setFont(f);
    p->setPen(Qt::white);
    p->drawText(title, Qt::AlignCenter, label_);
}

} // namespace sdlab::widgets
