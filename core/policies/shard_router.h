#pragma once

#include "hash_ring.h"

#include <cstdint>
#include <memory>
#include <string_view>

namespace sdlab::policies {

enum class Sharding { Hash, Range, ConsistentHash };
Sharding shardingFromName(std::string_view name);

/// Which shard holds a key. `hash`: a hash of the key modulo the shard count (even, but
/// adding a shard moves most keys); `range`: contiguous key ranges of equal width (keys are
/// numbered by popularity, so under skew the first range is the hot one — like time-ordered
/// ids whose newest rows are the busiest); `consistent_hash`: a ring with virtual nodes
/// (adding a shard moves about 1/(N+1) of the keys).
class ShardRouter {
public:
    ShardRouter(Sharding sharding, int shards, std::uint32_t keySpace, int virtualNodes = 100);
    std::size_t shardOf(std::uint32_t key) const;
    int shards() const { return shards_; }

private:
    Sharding sharding_;
    int shards_;
    std::uint32_t keySpace_;
    std::unique_ptr<HashRing> ring_;
};

} // namespace sdlab::policies
