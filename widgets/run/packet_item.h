#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QPixmap>
#include <QPointF>
#include <QString>
#include <QVector>

#include <map>
#include <vector>

namespace sdlab::widgets {

/// Paints every packet of a live run in one item (one paint per frame, not one item per
/// packet: thousands of items would cost more than the drawing). It draws what it is given;
/// PacketLayer decides what that is.
class PacketItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = QGraphicsItem::UserType + 40 };

    /// Dots of one colour, drawn in one call.
    struct Dots {
        QColor colour;
        QVector<QPointF> points;
    };
    /// A link carrying more than can be drawn: thickened, with its rate written beside it.
    struct RateMark {
        QPointF from, to;
        double width = 0;
        QString label;
    };

    explicit PacketItem(QGraphicsItem* parent = nullptr);
    int type() const override { return Type; }

    void setFrame(std::vector<Dots> dots, std::vector<RateMark> marks, const QRectF& area);

    QRectF boundingRect() const override { return area_; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const QPixmap& dotPixmap(const QColor& colour);

    std::vector<Dots> dots_;
    std::vector<RateMark> marks_;
    QRectF area_;
    std::map<QRgb, QPixmap> dotPixmaps_; ///< by colour (the palette may change)
};

} // namespace sdlab::widgets
