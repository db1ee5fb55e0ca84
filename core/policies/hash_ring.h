#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sdlab::policies {

/// Consistent hashing: each target owns `virtualNodes` points on a 64-bit ring (hashed from
/// its name, so a target's points do not move when others join or leave); a key goes to the
/// first point clockwise from its hash.
class HashRing {
public:
    HashRing(const std::vector<std::string>& targetNames, int virtualNodes);
    std::size_t targetFor(std::uint32_t key) const;
    /// The first point clockwise whose target `accept`s (a failed node's keys move to the
    /// next node on the ring, and only those).
    template <class Accept> std::size_t targetFor(std::uint32_t key, Accept accept) const {
        std::size_t i = firstAtOrAfter(key);
        for (std::size_t step = 0; step < points_.size(); ++step, i = (i + 1) % points_.size())
            if (accept(points_[i].second)) return points_[i].second;
        return points_[firstAtOrAfter(key)].second;
    }

private:
    std::size_t firstAtOrAfter(std::uint32_t key) const;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> points_; ///< sorted (position, target)
};

} // namespace sdlab::policies
