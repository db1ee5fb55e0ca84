#pragma once

#include "sim/request_trace.h"

#include <QStringList>
#include <QWidget>

namespace sdlab::widgets {

/// One request's path as a distributed-tracing waterfall: a row per span (indented under its
/// caller), a bar from its start to its end on a shared time axis, coloured by outcome, with
/// retries numbered and a mark where a caller gave up. Hover a row for its figures.
class TraceWaterfall : public QWidget {
    Q_OBJECT
public:
    explicit TraceWaterfall(QWidget* parent = nullptr);

    /// Shows a trace; `names[i]` is component i's name (label, else id).
    void setTrace(const sim::RequestTrace& trace, const QStringList& names);
    void clear();
    int rowCount() const { return int(rows_.size()); }
    /// The bar of row `row` in widget coordinates (for tests and tooltips).
    QRectF barRect(int row) const;
    /// Duration of the whole request (its root span), in ms.
    double totalMs() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Row {
        sim::Span span;
        int depth = 0;
        QString label;
    };
    QRectF timeArea() const;
    double xOf(double t) const;
    QString describe(const Row& row) const;

    std::vector<Row> rows_;
    double t0_ = 0, t1_ = 0;
};

} // namespace sdlab::widgets
