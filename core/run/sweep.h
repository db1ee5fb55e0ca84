#pragma once

#include "model/scenario.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace sdlab::run {

/// What-if: one parameter taken through a range of values, the design run at each.
struct SweepSpec {
    /// "clients.<id>.rps", "components.<id>.<param>" or "<id>.<param>".
    std::string param;
    double from = 0, to = 0;
    int steps = 2; ///< values, evenly spaced from `from` to `to` (both included)
};

struct SweepPoint {
    double value = 0;
    double throughputRps = 0, errorRate = 0;
    double p50Ms = 0, p99Ms = 0, meanMs = 0;
};

struct SweepResult {
    std::vector<SweepPoint> points;
    /// Index of the knee — where p99 latency takes off — or -1 when it does not (Kneedle:
    /// the point of the normalised curve furthest above the chord from the first point to
    /// the last, if that lift is real, i.e. the last p99 is at least twice the first).
    int knee = -1;
};

/// Checks the spec against the scenario: the parameter must exist and be numeric, and every
/// value in range. Throws model::ScenarioError naming the parameter.
void checkSweep(const model::Scenario& scenario, const SweepSpec& spec);

/// Runs every point (in parallel on `threads` threads; 0 = all cores). `progress(done, total)`
/// is called from worker threads; setting `cancel` stops starting new points (the result then
/// holds the points that ran, in order, up to the first one missing).
SweepResult runSweep(const model::Scenario& scenario, const SweepSpec& spec, int threads = 0,
                     const std::function<void(int, int)>& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

/// The knee of a latency curve (see SweepResult::knee).
int findKnee(const std::vector<SweepPoint>& points);

} // namespace sdlab::run
