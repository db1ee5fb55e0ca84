#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace sdlab::widgets {

/// One line (or stacked bar) of a chart: a time-series column and its legend text.
struct ChartSeries {
    std::string column;
    QString label;
    QColor colour = {}; ///< its own colour (errors by cause); invalid: by position
};

/// What one chart shows, chosen from the run's time-series columns (docs/metrics.md).
struct ChartSpec {
    QString title;
    QString unit;     ///< the value axis' label
    double scale = 1; ///< shown value = column value × scale (ratios as percentages)
    bool stacked = false;
    std::vector<ChartSeries> series;
    /// If set, points are drawn only where this column is > 0 (a gap elsewhere): latency
    /// means nothing in a second with no answers, where the core writes 0.
    std::string shownWhile;
    /// Names of the values 0, 1, 2 … for a chart of states (a breaker's): the value axis
    /// is labelled with them instead of numbers.
    QStringList levels = {};
};

/// Where a spec's columns are in a run's rows (whose columns are `columns`), and a row cut
/// down to them.
class SpecColumns {
public:
    SpecColumns(const ChartSpec& spec, const std::vector<std::string>& columns);
    /// Whether the rows have the time and any of the spec's columns.
    bool usable() const;
    /// Whether the rows have the spec's i-th column.
    bool has(std::size_t i) const { return series_[i] < count_; }
    /// The row's time, then the spec's values (NaN where the row has no such column).
    std::vector<double> pick(const std::vector<double>& row) const;
    /// Whether the row's values are to be drawn (see ChartSpec::shownWhile).
    bool shown(const std::vector<double>& row) const;

private:
    std::size_t count_;
    std::size_t time_;
    std::size_t shownWhile_; ///< count_ when the spec has none
    std::vector<std::size_t> series_;
};

/// The colour of a chart's i-th line, saturated enough for the light and the dark theme.
QColor seriesColour(std::size_t i);
/// Series `i`'s colour in `spec`: its own, else by position.
QColor seriesColour(const ChartSpec& spec, std::size_t i);

/// End-to-end charts: latency quantiles, throughput, errors by cause.
std::vector<ChartSpec> overviewCharts(const std::vector<std::string>& columns);

/// The charts a component's columns allow (utilisation, queue, hit ratio, instances,
/// backlog and lag), or a link's ("from->to": breaker state). Empty when it has none.
std::vector<ChartSpec> selectionCharts(const std::vector<std::string>& columns,
                                       const std::string& id, const QString& name);

} // namespace sdlab::widgets
