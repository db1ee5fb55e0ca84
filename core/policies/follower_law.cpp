#include "follower_law.h"

#include <algorithm>
#include <boost/random/uniform_01.hpp>
#include <cmath>

namespace sdlab::policies {

FollowerLaw::FollowerLaw(std::uint32_t min, double alpha, std::uint32_t max)
    : min_(min)
    , max_(std::max(min, max))
    , alpha_(alpha) {}

std::uint32_t FollowerLaw::operator()(sim::Rng& rng) const {
    // Inverse transform; 1 − u lies in (0, 1], so the power is finite.
    const double u = 1.0 - boost::random::uniform_01<double>()(rng);
    const double x = double(min_) * std::pow(u, -1.0 / alpha_);
    return x >= double(max_) ? max_ : std::uint32_t(x);
}

double FollowerLaw::atLeast(std::uint32_t k) const {
    if (k <= min_) return 1.0;
    if (k > max_) return 0.0;
    return std::pow(double(min_) / double(k), alpha_);
}

double FollowerLaw::meanBelow(std::uint32_t threshold) const {
    // E[K; K < T] = Σ_{k<T} k P(K = k) = Σ_{j=1}^{T−1} P(j ≤ K < T).
    const std::uint32_t top = std::min(threshold, max_ + 1);
    const double beyond = atLeast(top);
    double sum = 0;
    for (std::uint32_t j = 1; j < top; ++j)
        sum += atLeast(j) - beyond;
    return sum;
}

} // namespace sdlab::policies
