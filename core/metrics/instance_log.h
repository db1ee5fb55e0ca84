#pragma once

#include <vector>

namespace sdlab::metrics {

/// How many instances of a component were running over time: the starting count and every
/// change. Changes are rare (scaling actions), so figures over any window are computed from
/// the list rather than kept up to date on the hot path.
class InstanceLog {
public:
    struct Change {
        double time;
        int from;
        int to;
    };

    explicit InstanceLog(int initial)
        : initial_(initial) {}

    /// The count is `count` from `now` on; changes at one instant merge into one.
    void record(double now, int count);

    int current() const { return changes_.empty() ? initial_ : changes_.back().to; }
    int at(double t) const;
    /// ∫ count dt over [from, to].
    double area(double from, double to) const;
    struct Range {
        int min;
        int max;
    };
    /// Lowest and highest count over [from, to].
    Range range(double from, double to) const;
    const std::vector<Change>& changes() const { return changes_; }

private:
    int initial_;
    std::vector<Change> changes_;
};

} // namespace sdlab::metrics
