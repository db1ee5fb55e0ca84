#pragma once

#include "sim/random_stream.h"

#include <boost/random/discrete_distribution.hpp>
#include <cstdint>

namespace sdlab::policies {

/// Draws object keys 0..n-1 where key k has popularity rank k+1: P(k) ∝ 1/(k+1)^s
/// (Zipf with exponent s; s = 0 is uniform). Walker's alias method makes a draw O(1).
class KeySampler {
public:
    KeySampler(std::uint32_t keys, double zipfExponent);
    std::uint32_t operator()(sim::Rng& rng);

private:
    std::uint32_t keys_;
    bool uniform_;
    boost::random::discrete_distribution<std::uint32_t, double> zipf_;
};

} // namespace sdlab::policies
