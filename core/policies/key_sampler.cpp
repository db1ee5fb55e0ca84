#include "key_sampler.h"

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
    if (!uniform_) return zipf_(rng);
    // Lemire's multiply-and-shift: exactly uniform, and no division on the common path
    // (uniform_int_distribution divides on every draw, which dominated a client's cost).
    std::uint64_t m = (rng() >> 32) * keys_;
    if (std::uint32_t(m) < keys_) {
        const std::uint32_t threshold = std::uint32_t(-keys_) % keys_;
        while (std::uint32_t(m) < threshold)
            m = (rng() >> 32) * keys_;
    }
    return std::uint32_t(m >> 32);
}

} // namespace sdlab::policies
