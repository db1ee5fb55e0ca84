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

private:
    std::vector<std::pair<std::uint64_t, std::uint32_t>> points_; ///< sorted (position, target)
};

} // namespace sdlab::policies
