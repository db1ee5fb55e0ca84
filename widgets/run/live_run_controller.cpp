#include "live_run_controller.h"

#include <algorithm>

namespace sdlab::widgets {

namespace {
constexpr int kTickMs = 16;             ///< ~60 frames a second
constexpr qint64 kBudgetNs = 8'000'000; ///< simulation work per tick at most (half a frame)
} // namespace

LiveRunController::LiveRunController(QObject* parent)
    : QObject(parent) {
    timer_.setInterval(kTickMs);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &LiveRunController::tick);
}

LiveRunController::~LiveRunController() = default;

void LiveRunController::load(const model::Scenario& scenario) {
    pause();
    scenario_ = scenario;
    rows_.rows.clear();
    tracing_ = false;
    run_ = std::make_unique<run::LiveRun>(scenario_, &rows_);
    stops_.clear();
    for (const auto& caption : scenario_.captions)
        if (caption.pause) stops_.push_back(caption.atS);
    std::sort(stops_.begin(), stops_.end());
    columns_ = run_->columns();
    emit stateChanged();
    emit advanced(now());
}

void LiveRunController::play() {
    if (!run_ || playing_ || run_->finished()) return;
    playing_ = true;
    wall_.start();
    timer_.start();
    emit stateChanged();
}

void LiveRunController::pause() {
    if (!playing_) return;
    playing_ = false;
    timer_.stop();
    emit stateChanged();
}

void LiveRunController::togglePlay() {
    playing_ ? pause() : play();
}

void LiveRunController::stepEvent() {
    if (!run_) return;
    pause();
    const std::size_t before = rows_.rows.size();
    run_->stepEvent();
    afterProgress(before);
}

void LiveRunController::stepTime() {
    if (!run_) return;
    pause();
    runTo(now() + kTimeStep);
}

void LiveRunController::runTo(double t) {
    if (!run_) return;
    const std::size_t before = rows_.rows.size();
    run_->advanceTo(t);
    afterProgress(before);
}

void LiveRunController::restart() {
    const bool wasPlaying = playing_;
    load(scenario_);
    if (wasPlaying) play();
}

void LiveRunController::setSpeed(double speed) {
    speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
    emit stateChanged();
}

void LiveRunController::traceNextRequest() {
    if (!run_) return;
    run_->simulation().traceNextRequest();
    tracing_ = true;
}

void LiveRunController::tick() {
    if (!run_) return;
    // Simulated time due since the last tick at this speed, run in slices until the budget
    // is spent: a scenario too heavy for the speed falls behind instead of freezing the UI.
    const double wallSeconds = double(wall_.restart()) / 1000.0;
    double target = now() + speed_ * std::min(wallSeconds, 0.25);
    // A caption that pauses the run stops it at its very time, whatever the speed.
    const auto stop = std::upper_bound(stops_.begin(), stops_.end(), now());
    const bool stopping = stop != stops_.end() && *stop <= target;
    if (stopping) target = *stop;
    const std::size_t before = rows_.rows.size();
    QElapsedTimer budget;
    budget.start();
    const double slice = std::max((target - now()) / 8, 1e-6);
    while (now() < target && !run_->finished() && budget.nsecsElapsed() < kBudgetNs)
        run_->advanceTo(std::min(target, now() + slice));
    if (stopping && now() >= target) pause();
    afterProgress(before);
}

void LiveRunController::afterProgress(std::size_t rowsBefore) {
    for (std::size_t i = rowsBefore; i < rows_.rows.size(); ++i)
        emit rowAdded(int(i));
    emit advanced(now());
    if (tracing_ && run_->simulation().trace() && run_->simulation().trace()->complete()) {
        tracing_ = false;
        emit traceReady();
    }
    if (run_->finished()) {
        pause();
        emit finishedRun();
    }
}

} // namespace sdlab::widgets
