#pragma once

#include "lesson.h"

#include <limits>

namespace sdlab::lessons {

struct CheckOutcome {
    Check check;
    bool passed = false;
    double measured = std::numeric_limits<double>::quiet_NaN();
    double baseline = std::numeric_limits<double>::quiet_NaN(); ///< relative checks
    /// What passed or failed, and by how much, in words learners read: the figure named and
    /// in its unit ("p99 latency is 142 ms; needs below 100 ms (42 ms too high)").
    std::string message;
};

struct TaskOutcome {
    bool passed = false;
    std::vector<CheckOutcome> checks;
};

/// Judges a run's metrics.json against a task; relative checks compare with `start`, the
/// step's starting design's report (required when the task has any). Messages name components
/// by their labels in `design`, the design that was run (by their ids without one).
TaskOutcome judge(const Task& task, const model::Json& report, const model::Json* start,
                  const model::Scenario* design = nullptr);

/// Runs `design` (and, for relative checks, the step's starting design) headless — the same
/// code path as `sdlab run` and the GUI — and judges the result.
TaskOutcome checkDesign(const Lesson& lesson, std::size_t step, const model::Scenario& design);

/// A figure of a report by its '/' path; NaN when there is none.
double figure(const model::Json& report, const std::string& path);

} // namespace sdlab::lessons
