#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace sdlab::policies {

enum class Eviction { Lru, Lfu, Fifo, Ttl };
Eviction evictionFromName(std::string_view name);

/// The contents of a cache: which keys are held and which one leaves when room is needed.
/// Keys are dense (0..keySpace-1), so stores index arrays directly and never allocate after
/// construction. Entries older than the TTL (when ttl > 0) count as absent.
class CacheStore {
public:
    virtual ~CacheStore() = default;
    /// Looks a key up for a read; a hit refreshes the policy's notion of use.
    virtual bool lookup(std::uint32_t key, double now) = 0;
    /// Adds a key after a miss was filled, evicting if full.
    virtual void insert(std::uint32_t key, double now) = 0;
    /// When the held copy of `key` was stored (fetched or written); only for a key just found
    /// by lookup().
    virtual double storedAt(std::uint32_t key) const = 0;
    /// Drops a key (invalidation on write).
    virtual void erase(std::uint32_t key) = 0;
    virtual std::size_t size() const = 0;
    /// How many entries it holds at most.
    virtual std::uint32_t capacity() const = 0;
    /// Whether a read of `key` at `now` would hit, without counting as a use (live views).
    virtual bool contains(std::uint32_t key, double now) const = 0;
    /// Empties the cache (a flush, a restart): what it learnt about popularity may stay.
    virtual void clear() = 0;
};

std::unique_ptr<CacheStore> makeCacheStore(Eviction policy, std::uint32_t capacity,
                                           std::uint32_t keySpace, double ttlSeconds);

} // namespace sdlab::policies
