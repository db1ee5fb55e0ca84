#pragma once

#include "policies/circuit_breaker.h"

#include <QGraphicsItem>

namespace sdlab::widgets {

/// A link's circuit breaker during a live run (a child of its LinkItem, drawn above its
/// middle): CLOSED green, OPEN red, HALF_OPEN amber. It follows the link as cards move.
class BreakerBadgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 21 };
    explicit BreakerBadgeItem(QGraphicsItem* link);
    int type() const override { return Type; }

    void setState(policies::CircuitBreaker::State state, const QString& tooltip);
    policies::CircuitBreaker::State state() const { return state_; }
    QString text() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPointF anchor() const;
    policies::CircuitBreaker::State state_ = policies::CircuitBreaker::State::Closed;
};

} // namespace sdlab::widgets
