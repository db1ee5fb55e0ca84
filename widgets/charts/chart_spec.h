#pragma once

#include <QString>

#include <string>
#include <vector>

namespace sdlab::widgets {

/// One line (or stacked bar) of a chart: a time-series column and its legend text.
struct ChartSeries {
    std::string column;
    QString label;
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
};

/// End-to-end charts: latency quantiles, throughput, errors by cause.
std::vector<ChartSpec> overviewCharts(const std::vector<std::string>& columns);

/// The charts a component's columns allow (utilisation, queue, hit ratio, instances,
/// backlog and lag), or a link's ("from->to": breaker state). Empty when it has none.
std::vector<ChartSpec> selectionCharts(const std::vector<std::string>& columns,
                                       const std::string& id, const QString& name);

} // namespace sdlab::widgets
