// A chart's baseline (another run drawn behind this one) and its CSV export, which carries
// both runs.
#include "time_chart.h"

#include "run/file_output.h"

#include <qcustomplot.h>

#include <QFile>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sdlab::widgets {

void TimeChart::clearBaseline() {
    for (QCPGraph* graph : baselineGraphs_)
        plot_->removeGraph(graph);
    baselineGraphs_.clear();
    baseline_.clear();
    plot_->legend->setWrap(4);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    setMinimumHeight(kHeight);
    if (spec_.series.size() <= 1) {
        unplaceLegend();
        plot_->legend->setVisible(false);
    } else if (spec_.stacked && plot_->legend->itemCount() == 0) {
        unplaceLegend();
    }
}

void TimeChart::setBaseline(const std::vector<std::string>& columns,
                            const std::vector<std::vector<double>>& rows) {
    clearBaseline();
    const SpecColumns picker(spec_, columns);
    if (rows.empty() || !picker.usable()) {
        replot();
        return;
    }
    const auto addGraph = [&](const QString& name, QColor colour) {
        auto* graph = plot_->addGraph();
        graph->setName(name);
        colour.setAlpha(150); // faded, and dashed: the other run
        graph->setPen(QPen(colour, 2, Qt::DashLine));
        graph->setLayer(kBaselineLayer);
        baselineGraphs_.push_back(graph);
        return graph;
    };
    // Per series, its baseline graph (a stacked chart: the first draws their total).
    std::vector<QCPGraph*> graphs(spec_.series.size(), nullptr);
    if (spec_.stacked) {
        graphs.front() = addGraph(tr("total (baseline)"), palette().color(QPalette::WindowText));
    } else {
        for (std::size_t i = 0; i < spec_.series.size(); ++i)
            if (picker.has(i))
                graphs[i] =
                    addGraph(spec_.series[i].label + tr(" (baseline)"), seriesColour(spec_, i));
    }
    for (const auto& row : rows) {
        std::vector<double> kept = picker.pick(row);
        const bool shown = picker.shown(row);
        double total = 0;
        for (std::size_t i = 0; i < spec_.series.size(); ++i) {
            const double v = kept[i + 1];
            if (!std::isnan(v)) total += v;
            if (graphs[i] && !spec_.stacked)
                graphs[i]->addData(kept.front(), shown ? v * spec_.scale : std::nan(""));
        }
        if (spec_.stacked)
            graphs.front()->addData(kept.front(), shown ? total * spec_.scale : std::nan(""));
        baseline_.push_back(std::move(kept));
    }
    setUpLegend();
    if (!spec_.stacked) {
        // A legend row per line: the line, then its baseline (a narrow dock fits two).
        for (int i = 0; i < plot_->graphCount(); ++i)
            plot_->graph(i)->removeFromLegend();
        for (std::size_t i = 0; i < spec_.series.size(); ++i) {
            plot_->graph(int(i))->addToLegend();
            if (graphs[i]) graphs[i]->addToLegend();
        }
        plot_->legend->setWrap(2);
        plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        // The legend's extra rows come on top of the plot's height, not out of it.
        setMinimumHeight(kHeight + 18 * int(spec_.series.size() - 1));
    } else {
        plot_->legend->setWrap(3); // "total (baseline)" takes the room of two causes
        plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
    placeLegend();
    replot();
}

QCPGraph* TimeChart::baselineGraph(const std::string& column) const {
    for (std::size_t i = 0; i < spec_.series.size(); ++i) {
        if (spec_.series[i].column != column) continue;
        const QString name =
            spec_.stacked ? tr("total (baseline)") : spec_.series[i].label + tr(" (baseline)");
        for (QCPGraph* graph : baselineGraphs_)
            if (graph->name() == name) return graph;
    }
    return nullptr;
}

bool TimeChart::exportCsv(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    const bool baseline = !baseline_.empty();
    std::string text = "time_s";
    for (const auto& s : spec_.series) {
        text += ',';
        text += s.column;
    }
    if (baseline)
        for (const auto& s : spec_.series) {
            text += ',';
            text += s.column + "_baseline";
        }
    text += '\n';
    // The two runs' rows side by side by time; a time only one of them has leaves the other's
    // cells empty.
    constexpr double kNever = std::numeric_limits<double>::infinity();
    std::size_t a = 0, b = 0;
    const std::size_t n = spec_.series.size();
    while (a < values_.size() || (baseline && b < baseline_.size())) {
        const double ta = a < values_.size() ? values_[a][0] : kNever;
        const double tb = baseline && b < baseline_.size() ? baseline_[b][0] : kNever;
        const double t = std::min(ta, tb);
        const bool hasA = std::abs(ta - t) < 1e-9, hasB = std::abs(tb - t) < 1e-9;
        text += run::csvValue(t);
        for (std::size_t i = 1; i <= n; ++i) {
            text += ',';
            if (hasA) text += run::csvValue(values_[a][i]);
        }
        if (baseline)
            for (std::size_t i = 1; i <= n; ++i) {
                text += ',';
                if (hasB && !std::isnan(baseline_[b][i])) text += run::csvValue(baseline_[b][i]);
            }
        text += '\n';
        a += hasA;
        b += hasB;
    }
    return file.write(text.data(), qint64(text.size())) == qint64(text.size());
}

} // namespace sdlab::widgets
