#pragma once

#include "document/document.h"

#include <QFont>
#include <QGraphicsPathItem>

namespace sdlab::widgets {

class ComponentItem;

/// A call from one component to another: an arrow between the two cards with the link's
/// latency written beside it. Follows its cards as they move.
class LinkItem : public QGraphicsPathItem {
public:
    enum { Type = QGraphicsItem::UserType + 2 };
    LinkItem(ComponentItem* from, ComponentItem* to, const model::LinkSpec& spec);
    ~LinkItem() override;
    int type() const override { return Type; }
    LinkKey key() const;
    ComponentItem* fromItem() const { return from_; }
    ComponentItem* toItem() const { return to_; }

    void setSpec(const model::LinkSpec& spec);
    void updateGeometry();
    /// Forget the cards (they are being destroyed first).
    void detachFromItems();

    /// Where the latency label sits (empty without one): traffic drawn over the link leaves
    /// it clear.
    QRectF labelSceneRect() const;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    static QFont labelFont();
    ComponentItem* from_;
    ComponentItem* to_;
    QString label_;
    QPointF start_, end_;
    bool replication_ = false; ///< between two databases: drawn dashed
};

} // namespace sdlab::widgets
