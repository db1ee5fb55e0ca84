#pragma once

#include "model/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace sdlab::lessons {

/// One condition a task's run must meet, on a figure of metrics.json named by its path with
/// '/' between keys ("end_to_end/latency_ms/p99", "components/db/arrivals",
/// "replication_groups/0/failovers/0/rpo_writes").
struct Check {
    enum class Kind {
        Below,       ///< value < target
        AtMost,      ///< value ≤ target
        Above,       ///< value > target
        AtLeast,     ///< value ≥ target
        DropsBy,     ///< value ≤ (1 − target) × the step's starting design's value
        RisesBy,     ///< value ≥ (1 + target) × the starting design's value
        OpensWithin, ///< breakers/<link>/transitions reaches OPEN within target s of `after_s`
        ClosesWithin ///< the breaker is CLOSED again within target s of `after_s` (a fault's end)
    };
    Kind kind = Kind::Below;
    std::string metric; ///< (breaker checks: the breaker's link "from->to")
    double target = 0;
    double afterS = 0; ///< breaker checks: the moment the clock starts (a fault's start or end)
    /// What learners read for the figure ("orders waiting to ship"); empty: named from the path
    /// (see figure_names.h).
    std::string label = {};
    /// "end_to_end/latency_ms/p99 below 100": the check in the file's own words, for machines
    /// and teachers (the messages learners read name the figure, see lesson_check.h).
    std::string describe() const;
    bool relative() const { return kind == Kind::DropsBy || kind == Kind::RisesBy; }
    bool onBreaker() const { return kind == Kind::OpensWithin || kind == Kind::ClosesWithin; }
};

struct Task {
    std::string goal;
    std::vector<Check> checks;
    std::vector<std::string> hints; ///< revealed one by one
    std::string solution;           ///< a design file that passes (absolute path)
};

struct Step {
    std::string title;
    std::string text; ///< Markdown
    /// A design file loaded when the step starts (absolute path); empty: keep the learner's.
    std::string design;
    std::optional<Task> task;
};

/// A lesson (or, with `exercise`, a graded open-ended exercise): a file in lessons/, see
/// docs/lessons.md.
struct Lesson {
    std::string file; ///< where it was read from
    std::string id, title, level;
    std::vector<std::string> tags;
    int minutes = 10;
    bool exercise = false;
    std::vector<Step> steps;

    /// The design a step starts from: its own, or the latest one before it.
    std::string startingDesign(std::size_t step) const;
};

/// Reads and checks a lesson file. Errors are model::ScenarioError naming the step and field
/// ("steps[2].task.checks[0].metric") with line and column; design files are checked too.
Lesson loadLesson(const std::string& fileName);

} // namespace sdlab::lessons
