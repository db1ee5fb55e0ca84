#include "trace_waterfall.h"

#include "trace_path.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <functional>

namespace sdlab::widgets {

namespace {

constexpr int kRowHeight = 26;
constexpr int kHeader = 28;
constexpr int kLabelWidth = 220;
constexpr int kIndent = 14;

const char* outcomeName(sim::Outcome o) {
    switch (o) {
    case sim::Outcome::Ok:
        return "ok";
    case sim::Outcome::Rejected:
        return "rejected (queue full)";
    case sim::Outcome::Crashed:
        return "crashed";
    case sim::Outcome::Injected:
        return "error (injected)";
    case sim::Outcome::Timeout:
        return "timed out";
    case sim::Outcome::HopLimit:
        return "hop limit";
    case sim::Outcome::BreakerOpen:
        return "refused by the circuit breaker";
    case sim::Outcome::Partitioned:
        return "network partition";
    case sim::Outcome::BulkheadFull:
        return "bulkhead full";
    case sim::Outcome::RateLimited:
        return "rate limited (429)";
    case sim::Outcome::Inherited:
        break;
    }
    return "failed";
}

QString ms(double seconds) {
    return QStringLiteral("%1 ms").arg(seconds * 1000, 0, 'f', seconds < 0.01 ? 2 : 1);
}

} // namespace

TraceWaterfall::TraceWaterfall(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setMinimumHeight(kHeader + kRowHeight * 2);
}

void TraceWaterfall::setTrace(const sim::RequestTrace& trace, const QStringList& names) {
    rows_.clear();
    const auto& spans = trace.spans();
    if (spans.empty()) return clear();
    // Depth-first, children in the order they started: the waterfall reads top to bottom.
    std::vector<std::vector<int>> children(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i)
        if (spans[i].parent >= 0) children[std::size_t(spans[i].parent)].push_back(int(i));
    std::function<void(int, int)> visit = [&](int i, int depth) {
        const sim::Span& s = spans[std::size_t(i)];
        QString label = s.component < std::size_t(names.size()) ? names[int(s.component)]
                                                                : QString::number(s.component);
        if (s.attempt > 1) label += tr(" (attempt %1)").arg(s.attempt);
        rows_.push_back({s, depth, label});
        for (int c : children[std::size_t(i)])
            visit(c, depth + 1);
    };
    visit(0, 0);
    t0_ = spans[0].start;
    t1_ = t0_;
    for (const auto& s : spans)
        t1_ = std::max({t1_, s.end, s.abandoned});
    updateGeometry();
    update();
}

void TraceWaterfall::clear() {
    rows_.clear();
    update();
}

double TraceWaterfall::totalMs() const {
    return rows_.empty() ? 0.0 : (rows_.front().span.end - rows_.front().span.start) * 1000;
}

QSize TraceWaterfall::sizeHint() const {
    return {640, kHeader + kRowHeight * std::max<int>(3, int(rows_.size())) + 8};
}

QRectF TraceWaterfall::timeArea() const {
    return QRectF(kLabelWidth, kHeader, std::max(40, width() - kLabelWidth - 80), // room for labels
                  kRowHeight * double(rows_.size()));
}

double TraceWaterfall::xOf(double t) const {
    const QRectF area = timeArea();
    const double span = std::max(t1_ - t0_, 1e-9);
    return area.left() + (t - t0_) / span * area.width();
}

QRectF TraceWaterfall::barRect(int row) const {
    const sim::Span& s = rows_[std::size_t(row)].span;
    const double end = s.end == sim::Span::kOpen ? t1_ : s.end;
    const double left = xOf(s.start);
    return QRectF(left, kHeader + row * kRowHeight + 5, std::max(2.0, xOf(end) - left),
                  kRowHeight - 10);
}

QString TraceWaterfall::describe(const Row& row) const {
    const sim::Span& s = row.span;
    QString text = tr("<b>%1</b><br>starts at +%2, takes %3<br>%4")
                       .arg(row.label.toHtmlEscaped(), ms(s.start - t0_), ms(s.end - s.start),
                            QString::fromLatin1(outcomeName(s.ok ? sim::Outcome::Ok : s.outcome)));
    if (s.abandoned != sim::Span::kOpen)
        text += tr("<br>its caller gave up at +%1; the work went on for nothing")
                    .arg(ms(s.abandoned - t0_));
    return text;
}

void TraceWaterfall::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (rows_.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter,
                   tr("Run > Trace Next Request follows one request through the design."));
        return;
    }
    // Time axis: 0 to the end, five ticks.
    const QRectF area = timeArea();
    p.setPen(pal.color(QPalette::Mid));
    for (int i = 0; i <= 4; ++i) {
        const double t = t0_ + (t1_ - t0_) * i / 4;
        const double x = xOf(t);
        p.drawLine(QPointF(x, kHeader - 4), QPointF(x, area.bottom()));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x - 50, 4, 100, kHeader - 8), Qt::AlignCenter, ms(t - t0_));
        p.setPen(pal.color(QPalette::Mid));
    }
    for (int r = 0; r < int(rows_.size()); ++r) {
        const Row& row = rows_[std::size_t(r)];
        const QRectF labelRect(8 + row.depth * kIndent, kHeader + r * kRowHeight,
                               kLabelWidth - 12 - row.depth * kIndent, kRowHeight);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(row.label, Qt::ElideRight, int(labelRect.width())));
        const QColor colour = spanColour(row.span);
        const QRectF bar = barRect(r);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(bar, 3, 3);
        if (row.span.abandoned != sim::Span::kOpen) { // where the caller stopped waiting
            const double x = xOf(row.span.abandoned);
            p.setPen(QPen(pal.color(QPalette::Text), 2, Qt::DashLine));
            p.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3));
        }
        p.setPen(pal.color(QPalette::Text));
        const QString duration = ms(row.span.end - row.span.start);
        const QRectF after(bar.right() + 4, bar.top(), 90, bar.height());
        if (after.right() < width()) p.drawText(after, Qt::AlignVCenter | Qt::AlignLeft, duration);
    }
}

bool TraceWaterfall::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int row = (help->pos().y() - kHeader) / kRowHeight;
        if (help->pos().y() >= kHeader && row >= 0 && row < int(rows_.size()))
            QToolTip::showText(help->globalPos(), describe(rows_[std::size_t(row)]), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace sdlab::widgets
