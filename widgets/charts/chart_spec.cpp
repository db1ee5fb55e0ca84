#include "chart_spec.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {

bool has(const std::vector<std::string>& columns, const std::string& column) {
    return std::find(columns.begin(), columns.end(), column) != columns.end();
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// A one-line chart of `column`, if the run has it.
void addSingle(std::vector<ChartSpec>& out, const std::vector<std::string>& columns,
               const std::string& column, const QString& title, const QString& unit,
               double scale = 1) {
    if (has(columns, column)) out.push_back({title, unit, scale, false, {{column, title}}, {}});
}

std::size_t indexOf(const std::vector<std::string>& columns, const std::string& column) {
    return std::size_t(std::find(columns.begin(), columns.end(), column) - columns.begin());
}

} // namespace

SpecColumns::SpecColumns(const ChartSpec& spec, const std::vector<std::string>& columns)
    : count_(columns.size())
    , time_(indexOf(columns, "time_s"))
    , shownWhile_(spec.shownWhile.empty() ? columns.size() : indexOf(columns, spec.shownWhile)) {
    for (const auto& s : spec.series)
        series_.push_back(indexOf(columns, s.column));
}

bool SpecColumns::usable() const {
    return time_ < count_ &&
           std::any_of(series_.begin(), series_.end(), [&](std::size_t i) { return i < count_; });
}

std::vector<double> SpecColumns::pick(const std::vector<double>& row) const {
    std::vector<double> kept = {time_ < row.size() ? row[time_] : std::nan("")};
    for (std::size_t i : series_)
        kept.push_back(i < row.size() ? row[i] : std::nan(""));
    return kept;
}

bool SpecColumns::shown(const std::vector<double>& row) const {
    return shownWhile_ >= row.size() || row[shownWhile_] > 0;
}

QColor seriesColour(std::size_t i) {
    static const QColor colours[] = {
        QColor(0x4C, 0x8D, 0xF6), QColor(0xF5, 0x9E, 0x0B), QColor(0xE0, 0x4F, 0x5F),
        QColor(0x10, 0xB9, 0x81), QColor(0xA8, 0x55, 0xF7), QColor(0x06, 0xB6, 0xD4),
        QColor(0xEC, 0x48, 0x99), QColor(0x84, 0xCC, 0x16), QColor(0x94, 0xA3, 0xB8)};
    return colours[i % std::size(colours)];
}

QColor seriesColour(const ChartSpec& spec, std::size_t i) {
    return i < spec.series.size() && spec.series[i].colour.isValid() ? spec.series[i].colour
                                                                     : seriesColour(i);
}

namespace {
/// One colour per failure cause, the same in every run (and as the packets on the canvas:
/// red fails, amber timeouts, purple rejections), so a cause is recognised at a glance.
QColor causeColour(const std::string& cause) {
    static const std::pair<const char*, QColor> colours[] = {
        {"crashed", QColor(0xD3, 0x2F, 0x2F)},       {"injected", QColor(0xF4, 0x51, 0x1E)},
        {"timeout", QColor(0xF5, 0xA6, 0x23)},       {"rejected", QColor(0xAB, 0x47, 0xBC)},
        {"breaker_open", QColor(0xEC, 0x40, 0x7A)},  {"partitioned", QColor(0x60, 0x7D, 0x8B)},
        {"bulkhead_full", QColor(0x8D, 0x6E, 0x63)}, {"rate_limited", QColor(0x26, 0xA6, 0x9A)},
        {"hop_limit", QColor(0x5C, 0x6B, 0xC0)}};
    for (const auto& [name, colour] : colours)
        if (cause == name) return colour;
    return {};
}
} // namespace

std::vector<ChartSpec> overviewCharts(const std::vector<std::string>& columns) {
    std::vector<ChartSpec> out;
    out.push_back(
        {QObject::tr("End-to-end latency"),
         QObject::tr("ms"),
         1,
         false,
         {{"latency_p50_ms", "p50"}, {"latency_p95_ms", "p95"}, {"latency_p99_ms", "p99"}},
         "completed"});
    addSingle(out, columns, "throughput_rps", QObject::tr("Throughput"), QObject::tr("req/s"));
    ChartSpec errors{QObject::tr("Errors by cause"), QObject::tr("errors/s"), 1, true, {}, {}};
    for (const auto& c : columns)
        if (c.rfind("errors.", 0) == 0) {
            QString cause = QString::fromStdString(c.substr(7));
            errors.series.push_back({c, cause.replace('_', ' '), causeColour(c.substr(7))});
        }
    if (!errors.series.empty()) out.push_back(std::move(errors));
    return out;
}

std::vector<ChartSpec> selectionCharts(const std::vector<std::string>& columns,
                                       const std::string& id, const QString& name) {
    std::vector<ChartSpec> out;
    auto title = [&](const QString& what) { return QStringLiteral("%1 — %2").arg(name, what); };
    addSingle(out, columns, id + ".breaker_state", title(QObject::tr("circuit breaker")), {});
    if (!out.empty() && out.back().series.front().column == id + ".breaker_state")
        out.back().levels = {QObject::tr("closed"), QObject::tr("half open"), QObject::tr("open")};
    addSingle(out, columns, id + ".utilization", title(QObject::tr("utilisation")), "%", 100);
    addSingle(out, columns, id + ".queue_length", title(QObject::tr("queue length")),
              QObject::tr("requests"));
    addSingle(out, columns, id + ".hit_ratio", title(QObject::tr("cache hit ratio")), "%", 100);
    addSingle(out, columns, id + ".instances", title(QObject::tr("instances")),
              QObject::tr("instances"));
    // Message queues: one backlog and one lag line per consumer group.
    ChartSpec backlog{
        title(QObject::tr("backlog and lag")), QObject::tr("messages"), 1, false, {}, {}};
    const std::string prefix = id + ".";
    for (const auto& c : columns)
        if (c.rfind(prefix, 0) == 0 && (endsWith(c, ".backlog") || endsWith(c, ".lag")))
            backlog.series.push_back({c, QString::fromStdString(c.substr(prefix.size()))});
    if (!backlog.series.empty()) out.push_back(std::move(backlog));
    return out;
}

} // namespace sdlab::widgets
