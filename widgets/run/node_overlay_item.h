#pragma once

#include "live_figures.h"

#include <QGraphicsItem>

namespace sdlab::widgets {

/// A live run's figures on one card (a child of its ComponentItem): a utilisation bar and a
/// queue bar under the card, chips for instances, role, cache hits and slow/erroring faults,
/// and a greyed card with a red DOWN badge while it is crashed. The tooltip has the numbers.
class NodeOverlayItem : public QGraphicsItem {
public:
    enum { Type = UserType + 20 };
    explicit NodeOverlayItem(QGraphicsItem* card);
    int type() const override { return Type; }

    void setFigures(const NodeFigures& figures);
    const NodeFigures& figures() const { return figures_; }
    /// Whether it shows the card as down (greyed, DOWN badge).
    bool showsDown() const { return figures_.faults.down; }
    /// The utilisation it shows, as a fraction.
    double shownUtilisation() const { return figures_.utilisation; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    NodeFigures figures_;
};

} // namespace sdlab::widgets
