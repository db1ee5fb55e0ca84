#include "key_sampler.h"

#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <vector>

namespace sdlab::policies {

namespace {
boost::random::discrete_distribution<std::uint32_t, double> makeZipf(std::uint32_t n, double s) {
    if (s == 0) return {};
    std::vector<double> weights(n);
    for (std::uint32_t k = 0; k < n; ++k)
        weights[k] = std::pow(double(k) + 1.0, -s);
    return {weights.begin(), weights.end()};
}
} // namespace

KeySampler::KeySampler(std::uint32_t keys, double zipfExponent)
    : keys_(keys)
    , uniform_(zipfExponent == 0)
    , zipf_(makeZipf(keys, zipfExponent)) {}

std::uint32_t KeySampler::operator()(sim::Rng& rng) {
    if (uniform_) return boost::random::uniform_int_distribution<std::uint32_t>(0, keys_ - 1)(rng);
    return zipf_(rng);
}

} // namespace sdlab::policies
