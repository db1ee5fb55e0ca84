#include "shard_router.h"

#include "sim/random_stream.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace sdlab::policies {

Sharding shardingFromName(std::string_view name) {
    if (name == "hash") return Sharding::Hash;
    if (name == "range") return Sharding::Range;
    if (name == "consistent_hash") return Sharding::ConsistentHash;
    throw std::invalid_argument("unknown sharding '" + std::string(name) + "'");
}

ShardRouter::ShardRouter(Sharding sharding, int shards, std::uint32_t keySpace, int virtualNodes)
    : sharding_(sharding)
    , shards_(shards)
    , keySpace_(keySpace) {
    if (sharding_ == Sharding::ConsistentHash) {
        std::vector<std::string> names;
        for (int i = 0; i < shards; ++i)
            names.push_back("shard-" + std::to_string(i));
        ring_ = std::make_unique<HashRing>(names, virtualNodes);
    }
}

std::size_t ShardRouter::shardOf(std::uint32_t key) const {
    switch (sharding_) {
    case Sharding::Hash:
        return std::size_t(sim::mix64(key) % std::uint64_t(shards_));
    case Sharding::Range:
        return std::size_t(std::uint64_t(key) * std::uint64_t(shards_) / keySpace_);
    case Sharding::ConsistentHash:
        break;
    }
    return ring_->targetFor(key);
}

} // namespace sdlab::policies
