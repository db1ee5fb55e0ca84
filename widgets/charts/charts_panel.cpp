#include "charts_panel.h"

#include "chart_spec.h"
#include "run/live_run_controller.h"
#include "time_chart.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sdlab::widgets {

ChartsPanel::ChartsPanel(LiveRunController* controller, QWidget* parent)
    : QWidget(parent)
    , controller_(controller)
    , chartsLayout_(new QVBoxLayout)
    , rolling_(new QCheckBox(tr("Last %1 s only").arg(kRollingWindowS)))
    , hint_(new QLabel(tr("Press Play (Space) to run the design; its charts appear here.")))
    , keepBaseline_(new QPushButton(tr("Keep as Baseline")))
    , clearBaseline_(new QPushButton(tr("Clear Baseline")))
    , baselineNote_(new QLabel)
    , replotTimer_(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    rolling_->setToolTip(tr("A rolling window of the last %1 simulated seconds, or the whole run")
                             .arg(kRollingWindowS));
    keepBaseline_->setToolTip(tr("Keep this run's charts: change the design, run again, and "
                                 "every chart shows both runs (this one dashed)"));
    clearBaseline_->setToolTip(tr("Stop showing the kept run"));
    auto* controls = new QHBoxLayout;
    controls->addWidget(rolling_);
    controls->addStretch();
    controls->addWidget(keepBaseline_);
    controls->addWidget(clearBaseline_);
    layout->addLayout(controls);
    baselineNote_->setWordWrap(true);
    layout->addWidget(baselineNote_);
    hint_->setWordWrap(true);
    layout->addWidget(hint_);
    auto* inner = new QWidget;
    inner->setLayout(chartsLayout_);
    chartsLayout_->setContentsMargins(0, 0, 0, 0);
    chartsLayout_->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);

    // Charts are redrawn one per timer tick, in turn, each at most every kReplotMs: six
    // charts redrawn together would land in one animation frame and stutter the canvas.
    replotTimer_->setSingleShot(true);
    connect(replotTimer_, &QTimer::timeout, this, &ChartsPanel::replotNextStale);
    connect(rolling_, &QCheckBox::toggled, this, &ChartsPanel::setRollingWindow);
    connect(keepBaseline_, &QPushButton::clicked, this, &ChartsPanel::keepBaseline);
    connect(clearBaseline_, &QPushButton::clicked, this, &ChartsPanel::clearBaseline);
    connect(controller_, &LiveRunController::rowAdded, this, &ChartsPanel::addRow);
    // A (re)load starts with no rows: the charts start again, for the run's columns.
    connect(controller_, &LiveRunController::stateChanged, this, [this] {
        if (controller_->loaded() &&
            (controller_->columns() != columns_ || controller_->rows().size() < rowsShown_))
            rebuild();
        updateBaselineControls();
    });
    updateBaselineControls();
}

void ChartsPanel::keepBaseline() {
    if (!controller_->loaded() || controller_->rows().empty()) return;
    baselineColumns_ = controller_->columns();
    baselineRows_ = controller_->rows();
    baselineNote_->setText(
        tr("Dashed lines: the baseline, a run of “%1” kept at %2 s. Change the design and run "
           "again to compare.")
            .arg(QString::fromStdString(controller_->scenario().name))
            .arg(baselineRows_.back().front(), 0, 'f', 0));
    for (auto* chart : charts())
        chart->setBaseline(baselineColumns_, baselineRows_);
    updateBaselineControls();
}

void ChartsPanel::clearBaseline() {
    baselineColumns_.clear();
    baselineRows_.clear();
    for (auto* chart : charts())
        chart->setBaseline({}, {});
    updateBaselineControls();
}

void ChartsPanel::updateBaselineControls() {
    keepBaseline_->setEnabled(controller_->loaded() && !controller_->rows().empty());
    clearBaseline_->setEnabled(hasBaseline());
    baselineNote_->setVisible(hasBaseline());
}

std::vector<TimeChart*> ChartsPanel::charts() const {
    std::vector<TimeChart*> all = overview_;
    all.insert(all.end(), selection_.begin(), selection_.end());
    return all;
}

TimeChart* ChartsPanel::chartFor(const std::string& column) const {
    for (auto* chart : charts())
        if (!chart->spec().series.empty() && chart->spec().series.front().column == column)
            return chart;
    return nullptr;
}

bool ChartsPanel::rollingWindow() const {
    return rolling_->isChecked();
}

void ChartsPanel::setRollingWindow(bool rolling) {
    rolling_->setChecked(rolling);
    for (auto* chart : charts())
        chart->setWindow(rolling ? kRollingWindowS : 0);
    scheduleReplot();
}

TimeChart* ChartsPanel::addChart(const ChartSpec& spec, bool selection) {
    auto* chart = new TimeChart(spec, columns_);
    chart->setWindow(rollingWindow() ? kRollingWindowS : 0);
    for (std::size_t i = 0; i < rowsShown_; ++i)
        chart->appendRow(controller_->rows()[i]);
    if (hasBaseline()) chart->setBaseline(baselineColumns_, baselineRows_);
    connect(chart, &TimeChart::keepBaselineRequested, this, &ChartsPanel::keepBaseline);
    connect(chart, &TimeChart::clearBaselineRequested, this, &ChartsPanel::clearBaseline);
    chartsLayout_->insertWidget(chartsLayout_->count() - 1, chart);
    (selection ? selection_ : overview_).push_back(chart);
    // Unpinning a chart of an earlier selection lets it go.
    connect(chart, &TimeChart::pinToggled, this,
            [this] { showSelection(QString::fromStdString(selectedId_), selectedName_); });
    chart->replot();
    return chart;
}

void ChartsPanel::rebuild() {
    for (auto* chart : charts())
        delete chart;
    overview_.clear();
    selection_.clear();
    columns_ = controller_->columns();
    rowsShown_ = controller_->rows().size();
    hint_->setVisible(columns_.empty());
    for (const auto& spec : overviewCharts(columns_))
        addChart(spec, false);
    showSelection(QString::fromStdString(selectedId_), selectedName_);
}

void ChartsPanel::showSelection(const QString& id, const QString& name) {
    selectedId_ = id.toStdString();
    selectedName_ = name;
    // Keep pinned charts; drop the rest, then add the selection's (unless pinned already).
    std::vector<TimeChart*> kept;
    for (auto* chart : selection_) {
        if (chart->pinned()) {
            kept.push_back(chart);
        } else {
            chart->deleteLater();
            chart->hide();
        }
    }
    selection_ = kept;
    if (selectedId_.empty() || columns_.empty()) return;
    for (const auto& spec : selectionCharts(columns_, selectedId_, name)) {
        const bool shown = std::any_of(kept.begin(), kept.end(), [&](TimeChart* c) {
            return c->spec().series.front().column == spec.series.front().column;
        });
        if (!shown) addChart(spec, true);
    }
}

void ChartsPanel::addRow(int index) {
    if (columns_ != controller_->columns()) rebuild();
    for (; rowsShown_ <= std::size_t(index); ++rowsShown_)
        for (auto* chart : charts())
            chart->appendRow(controller_->rows()[rowsShown_]);
    if (!keepBaseline_->isEnabled()) updateBaselineControls();
    scheduleReplot();
}

void ChartsPanel::scheduleReplot() {
    for (auto* chart : charts())
        stale_.insert(chart);
    if (!replotTimer_->isActive()) replotTimer_->start(replotGapMs());
}

int ChartsPanel::replotGapMs() const {
    return std::max(1, kReplotMs / std::max(1, int(charts().size())));
}

void ChartsPanel::replotNextStale() {
    const auto all = charts();
    std::erase_if(stale_, [&](TimeChart* c) { // rebuilt since it was marked: gone
        return std::find(all.begin(), all.end(), c) == all.end();
    });
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::size_t at = (nextReplot_ + i) % all.size();
        if (stale_.erase(all[at]) == 0) continue;
        all[at]->replot();
        nextReplot_ = at + 1;
        break;
    }
    if (!stale_.empty()) replotTimer_->start(replotGapMs());
}

void ChartsPanel::replotNow() {
    replotTimer_->stop();
    stale_.clear();
    for (auto* chart : charts())
        chart->replot(true);
}

} // namespace sdlab::widgets
