#include "hash_ring.h"

#include "sim/random_stream.h"

#include <algorithm>

namespace sdlab::policies {

HashRing::HashRing(const std::vector<std::string>& targetNames, int virtualNodes) {
    for (std::uint32_t t = 0; t < targetNames.size(); ++t)
        for (int v = 0; v < virtualNodes; ++v)
            points_.emplace_back(sim::hashString(targetNames[t] + "#" + std::to_string(v)), t);
    std::sort(points_.begin(), points_.end());
}

std::size_t HashRing::firstAtOrAfter(std::uint32_t key) const {
    const std::uint64_t h = sim::mix64(key);
    const auto it = std::lower_bound(points_.begin(), points_.end(), std::make_pair(h, 0u));
    return it == points_.end() ? 0 : std::size_t(it - points_.begin());
}

std::size_t HashRing::targetFor(std::uint32_t key) const {
    return points_[firstAtOrAfter(key)].second;
}

} // namespace sdlab::policies
