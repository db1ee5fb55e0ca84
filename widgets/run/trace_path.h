#pragma once

#include "sim/request_trace.h"

#include <QColor>
#include <QGraphicsObject>
#include <QPointF>
#include <vector>

namespace sdlab::model {
struct Scenario;
}
namespace sdlab::sim {
class Simulation;
}

namespace sdlab::widgets {

class CanvasScene;

/// A span's colour wherever a trace is drawn: green when it answered OK, red when not.
QColor spanColour(const sim::Span& span);

/// A traced request's path on the canvas: every call it made, in order, as a bold stroke
/// along the link with the call's number (1, 2, 3 …; a retry gets a number of its own) in
/// the colour of its outcome. A decoration: not part of the design, not in exports.
class TracePath : public QGraphicsObject {
    Q_OBJECT
public:
    struct Hop {
        QPointF from, to;   ///< the link's ends in the scene
        int number = 0;     ///< order of the call in the request
        double along = 0.5; ///< where on the link its number sits (0 = caller, 1 = callee)
        QColor colour;
        QString tip;
    };

    explicit TracePath(CanvasScene* scene);

    /// Shows `trace`, recorded in `sim` running `scenario`; replaces what was shown.
    void show(const sim::RequestTrace& trace, const sim::Simulation& sim,
              const model::Scenario& scenario);
    void clear();
    const std::vector<Hop>& hops() const { return hops_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override; ///< the strokes and numbers only: tooltips there
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    CanvasScene* scene_;
    std::vector<Hop> hops_;
    QRectF area_;
};

} // namespace sdlab::widgets
