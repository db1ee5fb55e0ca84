#pragma once

#include "model/scenario.h"
#include "run_recorder.h"
#include "sample_sink.h"
#include "sim/simulation.h"

#include <memory>

namespace sdlab::run {

/// A run that moves forward in steps of any size — the GUI's play, pause and step, and the
/// headless `sdlab run` alike — so a run paused at time t reports exactly what a run of
/// duration t does. Warm-up ends, and one chart row is handed to the sink, at the same
/// simulated instants however the steps fall.
class LiveRun {
public:
    explicit LiveRun(const model::Scenario& scenario, SampleSink* sink = nullptr,
                     double sampleInterval = 1.0);

    /// Runs every event up to min(t, duration) and sets the clock there.
    void advanceTo(double t);
    /// Runs the next event only (and any sampling due before it); false at the end.
    bool stepEvent();
    bool finished() const { return sim_->now() >= scenario_.durationS; }
    double now() const { return sim_->now(); }

    /// The report for what has run so far (the measured window up to now).
    model::Json report() const { return recorder_.report(); }
    const std::vector<std::string>& columns() const { return columns_; }
    sim::Simulation& simulation() { return *sim_; }
    const model::Scenario& scenario() const { return scenario_; }

private:
    /// Moves to `t` (≤ the next boundary): ends the warm-up, samples at a boundary.
    void runTo(double t);

    model::Scenario scenario_;
    std::unique_ptr<sim::Simulation> sim_;
    RunRecorder recorder_;
    SampleSink* sink_;
    double interval_;
    long nextSample_ = 1; ///< the next row is due at nextSample_ × interval_
    bool measuring_ = false;
    std::vector<std::string> columns_;
};

} // namespace sdlab::run
