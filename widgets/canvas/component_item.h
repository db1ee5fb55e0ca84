#pragma once

#include "model/scenario.h"

#include <QGraphicsObject>
#include <QSvgRenderer>

namespace sdlab::widgets {

class LinkItem;

/// One component on the canvas: a card with the type's icon, name, a one-line summary, a
/// replica badge, and the analysis' verdicts (single point of failure, unreachable). Its
/// position is the model's ui.x/ui.y (the card's top-left corner).
class ComponentItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 1 };
    static constexpr qreal kWidth = 184;
    static constexpr qreal kHeight = 64;
    static constexpr qreal kGrid = 10;

    explicit ComponentItem(const model::ComponentSpec& spec);
    int type() const override { return Type; }
    QString id() const { return id_; }
    QString componentType() const { return type_; }

    /// Refreshes text, badge and position from the model.
    void setSpec(const model::ComponentSpec& spec);
    void setSinglePointOfFailure(bool on);
    void setUnreachable(bool on);
    void setInLoop(bool on);
    bool isSinglePointOfFailure() const { return spof_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    /// The connection handle on the card's right edge, in scene coordinates.
    QPointF handleScenePos() const;
    /// Within the handle's reach; `zoom` (the view's scale) keeps the reach at least 12 screen
    /// pixels however far one zooms out.
    bool isOnHandle(QPointF scenePos, qreal zoom = 1) const;
    QRectF cardSceneRect() const;
    /// Where a line from the card's centre towards `scenePoint` leaves the card.
    QPointF boundaryPointToward(QPointF scenePoint) const;

    void attach(LinkItem* link);
    void detach(LinkItem* link);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    QString id_;
    QString type_;
    QString title_;
    QString subtitle_;
    int replicas_ = 1;
    bool spof_ = false;
    bool unreachable_ = false;
    bool inLoop_ = false;
    bool hovered_ = false;
    bool handleHovered_ = false;
    QSvgRenderer icon_;
    QList<LinkItem*> links_;
};

} // namespace sdlab::widgets
