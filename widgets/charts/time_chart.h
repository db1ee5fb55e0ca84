#pragma once

#include "chart_spec.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPItemStraightLine;
class QMouseEvent;

namespace sdlab::widgets {

/// One chart of the run over simulated time (QCustomPlot): a ChartSpec's columns as lines
/// or stacked bars, with units, a legend, a crosshair that tells the values under the mouse,
/// and a context menu to pin it or export it (PNG, PDF, CSV). It keeps the raw values of
/// its columns, so an export is exactly what the core computed.
class TimeChart : public QWidget {
    Q_OBJECT
public:
    TimeChart(ChartSpec spec, const std::vector<std::string>& columns, QWidget* parent = nullptr);

    const ChartSpec& spec() const { return spec_; }
    QCustomPlot* plot() const { return plot_; }

    /// Adds one time-series row (all the run's columns, as LiveRunController::rows()).
    void appendRow(const std::vector<double>& row);
    void clear();
    /// The last `seconds` of the run (0: the whole run); takes effect at the next replot().
    void setWindow(double seconds) { window_ = seconds; }
    /// Fits the axes and repaints, queued (coalesced with other replots) unless `now`.
    void replot(bool now = false);

    bool pinned() const { return pinned_; }
    void setPinned(bool pinned);

    /// Writes `time_s` and the chart's columns, as the core's timeseries.csv writes them.
    bool exportCsv(const QString& path) const;
    /// PNG or PDF by the file's suffix.
    bool exportImage(const QString& path) const;
    /// The chart's last value of `column` (the raw core value), NaN before the first row.
    double lastValue(const std::string& column) const;

signals:
    void pinToggled(bool pinned);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Puts the legend in its row under the title (once).
    void placeLegend();
    bool legendPlaced_ = false;
    void applyPalette();
    void showContextMenu(const QPoint& at);
    void showCrosshair(QMouseEvent* event);
    QString titleText() const;

    ChartSpec spec_;
    std::vector<std::size_t> indices_; ///< the spec's columns in a row
    std::size_t timeIndex_ = 0;
    std::size_t shownWhileIndex_ = 0;         ///< the spec's shownWhile column, if it has one
    std::vector<std::vector<double>> values_; ///< per row: time, then the spec's columns
    QCustomPlot* plot_;
    QCPItemStraightLine* crosshair_;
    double window_ = 0;
    bool pinned_ = false;
};

} // namespace sdlab::widgets
