#pragma once

#include "chart_spec.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
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
    static constexpr int kHeight = 230; ///< the least height, legend rows aside

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

    /// Draws another run's rows (`columns` names their values) behind this run's: each line's
    /// baseline dashed and faded in the line's colour, "<label> (baseline)" in the legend; a
    /// stacked chart's baseline is the total of its series. No rows: no baseline.
    void setBaseline(const std::vector<std::string>& columns,
                     const std::vector<std::vector<double>>& rows);
    bool hasBaseline() const { return !baselineGraphs_.empty(); }
    /// The graph drawing `column`'s baseline (a stacked chart: its total, for any of its
    /// columns), or null.
    QCPGraph* baselineGraph(const std::string& column) const;

signals:
    void pinToggled(bool pinned);
    /// The context menu's "Keep This Run as Baseline" and "Clear Baseline".
    void keepBaselineRequested();
    void clearBaselineRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Takes the legend out of the axes into a row of its own (once), placed by placeLegend().
    void setUpLegend();
    /// Puts the legend in its row under the title (once); unplaceLegend() takes it out.
    void placeLegend();
    void unplaceLegend();
    /// Whether the legend has anything to tell: several lines, or a line and its baseline.
    bool legendWanted() const;
    void clearBaseline();
    static constexpr const char* kBaselineLayer = "baseline";
    bool legendReady_ = false;
    bool legendPlaced_ = false;
    void applyPalette();
    void showContextMenu(const QPoint& at);
    void showCrosshair(QMouseEvent* event);
    QString titleText() const;

    ChartSpec spec_;
    SpecColumns columns_;                       ///< where the spec's columns are in this run's rows
    std::vector<std::vector<double>> values_;   ///< per row: time, then the spec's columns
    std::vector<std::vector<double>> baseline_; ///< the same for the baseline run (NaN: none)
    std::vector<QCPGraph*> baselineGraphs_;
    QCustomPlot* plot_;
    QCPItemStraightLine* crosshair_;
    double window_ = 0;
    bool pinned_ = false;
};

} // namespace sdlab::widgets
