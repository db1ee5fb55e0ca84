#pragma once

#include "sim/random_stream.h"

#include <cstdint>

namespace sdlab::policies {

/// Followers per author: K = min(max, floor(X)) with X Pareto(scale min, shape alpha), so
/// P(K ≥ k) = min(1, (min/k)^alpha) for k ≤ max — many small accounts, a few celebrities.
/// The moments are exact sums of that tail, for reports and for the hybrid's read plan.
class FollowerLaw {
public:
    FollowerLaw(std::uint32_t min, double alpha, std::uint32_t max);
    std::uint32_t operator()(sim::Rng& rng) const;
    /// P(K ≥ k).
    double atLeast(std::uint32_t k) const;
    /// E[K].
    double mean() const { return meanBelow(max_ + 1); }
    /// E[K · 1{K < threshold}]: followers reached per post by authors below the threshold.
    double meanBelow(std::uint32_t threshold) const;

private:
    std::uint32_t min_, max_;
    double alpha_;
};

} // namespace sdlab::policies
