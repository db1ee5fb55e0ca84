#include "time_chart.h"

#include "common/canvas_look.h"
#include "run/file_output.h"

#include <qcustomplot.h>

#include <QAbstractScrollArea>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {

/// The row (rows in time order, each starting with its time) nearest to time t; rows not empty.
const std::vector<double>& nearestRow(const std::vector<std::vector<double>>& rows, double t) {
    auto it = std::lower_bound(rows.begin(), rows.end(), t,
                               [](const std::vector<double>& row, double x) { return row[0] < x; });
    if (it == rows.end()) --it;
    if (it != rows.begin() && std::abs((it - 1)->front() - t) < std::abs(it->front() - t)) --it;
    return *it;
}

} // namespace

TimeChart::TimeChart(ChartSpec spec, const std::vector<std::string>& columns, QWidget* parent)
    : QWidget(parent)
    , spec_(std::move(spec))
    , columns_(spec_, columns)
    , plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumHeight(kHeight);

    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, new QCPTextElement(plot_, titleText()));
    plot_->xAxis->setLabel(tr("simulated time (s)"));
    plot_->yAxis->setLabel(spec_.unit);
    if (!spec_.levels.isEmpty()) { // states by name, one tick each
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int i = 0; i < spec_.levels.size(); ++i)
            ticker->addTick(i, spec_.levels[i]);
        plot_->yAxis->setTicker(ticker);
    }
    plot_->legend->setVisible(false); // one line: the title says it
    if (legendWanted()) {
        setUpLegend();
        // An empty legend would narrow the whole layout to its zero width: stacked charts
        // place theirs when the first cause appears.
        if (!spec_.stacked) placeLegend();
    }
    // Baselines are drawn under this run's lines.
    plot_->addLayer(kBaselineLayer, plot_->layer("main"), QCustomPlot::limBelow);
    QCPBars* below = nullptr;
    for (std::size_t i = 0; i < spec_.series.size(); ++i) {
        if (spec_.stacked) {
            auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
            bars->setName(spec_.series[i].label);
            bars->setWidth(0.9);
            bars->setPen(Qt::NoPen);
            bars->setBrush(seriesColour(spec_, i));
            if (below) bars->moveAbove(below);
            below = bars;
            bars->removeFromLegend(); // listed once it has a failure to show
        } else {
            auto* graph = plot_->addGraph();
            graph->setName(spec_.series[i].label);
            graph->setPen(QPen(seriesColour(spec_, i), 2));
        }
    }
    crosshair_ = new QCPItemStraightLine(plot_);
    crosshair_->setVisible(false);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    applyPalette();
    replot(true);
}

QString TimeChart::titleText() const {
    return pinned_ ? spec_.title + tr(" (pinned)") : spec_.title;
}

void TimeChart::applyPalette() {
    const QPalette p = palette();
    const QColor text = p.color(QPalette::WindowText), base = p.color(QPalette::Base);
    QFont font = this->font();
    font.setPointSizeF(std::max(10.0, font.pointSizeF()));
    plot_->setBackground(base);
    plot_->legend->setBrush(base);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setTextColor(text);
    plot_->legend->setFont(font);
    for (auto* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
        QColor grid = text;
        grid.setAlpha(40);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    auto* title = static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0));
    QFont bold = font;
    bold.setBold(true);
    title->setFont(bold);
    title->setTextColor(text);
    crosshair_->setPen(QPen(p.color(QPalette::Highlight), 1, Qt::DashLine));
    for (int i = 0; i < plot_->graphCount(); ++i) { // presentation mode draws them bolder
        QPen pen = plot_->graph(i)->pen();
        pen.setWidthF(look::stroke(2));
        plot_->graph(i)->setPen(pen);
    }
}

void TimeChart::appendRow(const std::vector<double>& row) {
    std::vector<double> kept = columns_.pick(row);
    const bool shown = columns_.shown(row);
    for (std::size_t i = 0; i < spec_.series.size(); ++i) {
        const double v = kept[i + 1];
        const double y = shown ? v * spec_.scale : std::nan(""); // NaN: a gap in the line
        if (spec_.stacked) {
            auto* bars = static_cast<QCPBars*>(plot_->plottable(int(i)));
            bars->addData(kept.front(), y);
            if (v > 0) {
                bars->addToLegend(); // no-op when already listed
                placeLegend();
            }
        } else {
            plot_->graph(int(i))->addData(kept.front(), y);
        }
    }
    values_.push_back(std::move(kept));
}

void TimeChart::clear() {
    values_.clear();
    for (int i = 0; i < int(spec_.series.size()); ++i) { // the baseline's graphs stay
        if (auto* graph = qobject_cast<QCPGraph*>(plot_->plottable(i))) graph->data()->clear();
        if (auto* bars = qobject_cast<QCPBars*>(plot_->plottable(i))) {
            bars->data()->clear();
            if (spec_.stacked) bars->removeFromLegend();
        }
    }
    if (spec_.stacked && !hasBaseline()) unplaceLegend(); // empty again (see the constructor)
}

bool TimeChart::legendWanted() const {
    return spec_.series.size() > 1 || hasBaseline();
}

void TimeChart::setUpLegend() {
    plot_->legend->setVisible(true);
    if (legendReady_) return;
    // A row of its own under the title: inside the axes it would hide the data.
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->legend->setWrap(4); // rows of four: nine causes still fit the dock
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setMargins(QMargins(4, 0, 4, 0));
    legendReady_ = true;
}

void TimeChart::unplaceLegend() {
    if (!legendPlaced_) return;
    plot_->plotLayout()->take(plot_->legend);
    plot_->plotLayout()->simplify();
    legendPlaced_ = false;
}

void TimeChart::placeLegend() {
    if (legendPlaced_) return;
    plot_->plotLayout()->insertRow(1);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    legendPlaced_ = true;
}

void TimeChart::replot(bool now) {
    double last = values_.empty() ? 0.0 : values_.back().front();
    // The whole run's view shows the whole baseline; a rolling one follows this run.
    if (!baseline_.empty() && (window_ <= 0 || values_.empty()))
        last = std::max(last, baseline_.back().front());
    const double from = window_ > 0 ? std::max(0.0, last - window_) : 0.0;
    plot_->xAxis->setRange(from, std::max(last, from + (window_ > 0 ? window_ : 10.0)));
    // More points than pixels across (a long run in full view): antialiased strokes through
    // thousands of points are most of a redraw's cost and show nothing finer.
    const auto first = std::lower_bound(values_.begin(), values_.end(), from,
                                        [](const auto& row, double t) { return row.front() < t; });
    const bool dense = values_.end() - first > plot_->axisRect()->width();
    plot_->setNotAntialiasedElements(dense ? QCP::aePlottables : QCP::aeNone);
    // The value axis from 0 to the highest value shown (stacks included), with headroom.
    double top = 0;
    for (int i = 0; i < plot_->plottableCount(); ++i) {
        bool found = false;
        const QCPRange r =
            plot_->plottable(i)->getValueRange(found, QCP::sdBoth, plot_->xAxis->range());
        if (found) top = std::max(top, r.upper);
    }
    if (!spec_.levels.isEmpty()) // every state in view, whichever the run has reached
        plot_->yAxis->setRange(-0.2, double(spec_.levels.size()) - 0.7);
    else
        plot_->yAxis->setRange(0, top > 0 ? top * 1.12 : 1.0);
    plot_->replot(now ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
}

void TimeChart::setPinned(bool pinned) {
    if (pinned == pinned_) return;
    pinned_ = pinned;
    static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0))->setText(titleText());
    plot_->replot(QCustomPlot::rpQueuedReplot);
    emit pinToggled(pinned);
}

double TimeChart::lastValue(const std::string& column) const {
    for (std::size_t i = 0; i < spec_.series.size(); ++i)
        if (spec_.series[i].column == column && !values_.empty()) return values_.back()[i + 1];
    return std::nan("");
}

bool TimeChart::exportImage(const QString& path) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "pdf") return plot_->savePdf(path);
    return plot_->savePng(path, 0, 0, 2.0); // twice the pixels: sharp on slides
}

bool TimeChart::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_) {
        if (event->type() == QEvent::MouseMove)
            showCrosshair(static_cast<QMouseEvent*>(event));
        else if (event->type() == QEvent::Leave) {
            crosshair_->setVisible(false);
            plot_->replot(QCustomPlot::rpQueuedReplot);
        } else if (event->type() == QEvent::ContextMenu) {
            showContextMenu(static_cast<QContextMenuEvent*>(event)->globalPos());
            return true;
        } else if (event->type() == QEvent::Wheel) {
            // The plot does not zoom: the wheel scrolls the panel the chart sits in (over a
            // chart it did nothing, and the charts below were out of reach but for the bar).
            for (QWidget* w = parentWidget(); w; w = w->parentWidget())
                if (auto* scroll = qobject_cast<QAbstractScrollArea*>(w)) {
                    QCoreApplication::sendEvent(scroll->viewport(), event);
                    return true;
                }
        } else if (event->type() == QEvent::PaletteChange ||
                   event->type() == QEvent::FontChange) { // presentation mode sets both
            applyPalette();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TimeChart::showCrosshair(QMouseEvent* event) {
    if (values_.empty() && baseline_.empty()) return;
    const double t = plot_->xAxis->pixelToCoord(event->position().x());
    // The row nearest the mouse, of this run (or of the baseline alone before it has rows).
    const auto& row = nearestRow(values_.empty() ? baseline_ : values_, t);
    const std::vector<double>* base = baseline_.empty() ? nullptr : &nearestRow(baseline_, row[0]);
    if (base && std::abs((*base)[0] - row[0]) > 1e-9) base = nullptr; // no baseline row then
    crosshair_->point1->setCoords(row[0], 0);
    crosshair_->point2->setCoords(row[0], 1);
    crosshair_->setVisible(true);
    QString text = tr("<b>t = %1 s</b>").arg(row[0], 0, 'f', 1);
    for (std::size_t i = 0; i < spec_.series.size(); ++i) {
        const auto value = [&](double v) {
            return QStringLiteral("%1 %2")
                .arg(v * spec_.scale, 0, 'g', 4)
                .arg(spec_.unit.toHtmlEscaped());
        };
        text += QStringLiteral("<br>%1: ").arg(spec_.series[i].label.toHtmlEscaped());
        if (!values_.empty()) text += value(row[i + 1]);
        if (base && !std::isnan((*base)[i + 1]))
            text += (values_.empty() ? QString() : QStringLiteral(" ")) +
                    tr("(baseline %1)").arg(value((*base)[i + 1]));
    }
    QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimeChart::showContextMenu(const QPoint& at) {
    QMenu menu(this);
    auto* pin = menu.addAction(tr("Pin This Chart"));
    pin->setCheckable(true);
    pin->setChecked(pinned_);
    pin->setToolTip(tr("A pinned chart stays when the selection changes"));
    connect(pin, &QAction::toggled, this, &TimeChart::setPinned);
    menu.addSeparator();
    auto* keep =
        menu.addAction(tr("Keep This Run as Baseline"), this, &TimeChart::keepBaselineRequested);
    keep->setToolTip(tr("The next run draws over this one (dashed), on every chart"));
    menu.addAction(tr("Clear Baseline"), this, &TimeChart::clearBaselineRequested)
        ->setEnabled(hasBaseline());
    menu.addSeparator();
    QString base = spec_.title.toLower();
    base.replace(QRegularExpression("[^a-z0-9]+"), "-");
    menu.addAction(tr("Export Chart as PNG or PDF…"), this, [this, base] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), base + ".png",
                                                          tr("PNG image (*.png);;PDF (*.pdf)"));
        if (!path.isEmpty()) exportImage(path);
    });
    menu.addAction(tr("Export Data as CSV…"), this, [this, base] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export Data"), base + ".csv", tr("CSV (*.csv)"));
        if (!path.isEmpty()) exportCsv(path);
    });
    menu.exec(at);
}

} // namespace sdlab::widgets
