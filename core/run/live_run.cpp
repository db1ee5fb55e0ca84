#include "live_run.h"

#include "components/build_simulation.h"

#include <algorithm>

namespace sdlab::run {

LiveRun::LiveRun(const model::Scenario& scenario, SampleSink* sink, double sampleInterval)
    : scenario_(scenario)
    , sim_(components::buildSimulation(scenario_))
    , recorder_(scenario_, *sim_)
    , sink_(sink)
    , interval_(sampleInterval)
    , columns_(recorder_.columns()) {
    if (sink_) sink_->begin(columns_);
    sim_->start();
    if (scenario_.warmupS <= 0) {
        recorder_.beginMeasurement();
        measuring_ = true;
    }
}

void LiveRun::runTo(double t) {
    if (!measuring_ && scenario_.warmupS <= t) {
        sim_->runUntil(scenario_.warmupS);
        recorder_.beginMeasurement();
        measuring_ = true;
    }
    sim_->runUntil(t);
    const double due = std::min(scenario_.durationS, double(nextSample_) * interval_);
    if (t >= due) {
        // Sampling costs: skip it when nobody reads (the headless run without a CSV).
        if (sink_) sink_->row(recorder_.sample());
        ++nextSample_;
    }
}

void LiveRun::advanceTo(double t) {
    t = std::min(t, scenario_.durationS);
    while (sim_->now() < t) {
        const double due = std::min(scenario_.durationS, double(nextSample_) * interval_);
        runTo(std::min(t, due));
    }
}

bool LiveRun::stepEvent() {
    if (finished()) return false;
    const double due = std::min(scenario_.durationS, double(nextSample_) * interval_);
    const double next = sim_->nextEventTime();
    if (next > due) { // nothing happens before the next sample: take that step instead
        runTo(due);
        return true;
    }
    if (!measuring_ && scenario_.warmupS <= next) runTo(scenario_.warmupS);
    sim_->runNextEvent();
    if (sim_->now() >= due) runTo(due);
    return true;
}

} // namespace sdlab::run
