#pragma once

#include <QGraphicsItem>

namespace sdlab::widgets {

/// A zone (availability zone, region) drawn as a dashed box around its members' cards. It
/// has no geometry of its own: it follows its members, so it can never disagree with them.
class ZoneItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    explicit ZoneItem(QString id);
    int type() const override { return Type; }
    QString id() const { return id_; }
    void setLabel(const QString& label);
    /// The members' card rectangles, in scene coordinates.
    void fitAround(const QList<QRectF>& memberRects);

    QRectF boundingRect() const override;
    /// Only the title tab is clickable: a rubber band over the box selects its members.
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF titleRect() const;
    QString id_;
    QString label_;
    QRectF box_;
};

} // namespace sdlab::widgets
