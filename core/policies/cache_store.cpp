#include "cache_store.h"

#include "lfu_cache_store.h"
#include "list_cache_store.h"

#include <stdexcept>
#include <string>

namespace sdlab::policies {

Eviction evictionFromName(std::string_view name) {
    if (name == "lru") return Eviction::Lru;
    if (name == "lfu") return Eviction::Lfu;
    if (name == "fifo") return Eviction::Fifo;
    if (name == "ttl") return Eviction::Ttl;
    throw std::invalid_argument("unknown eviction policy '" + std::string(name) + "'");
}

std::unique_ptr<CacheStore> makeCacheStore(Eviction policy, std::uint32_t capacity,
                                           std::uint32_t keySpace, double ttlSeconds) {
    switch (policy) {
    case Eviction::Lru:
        return std::make_unique<ListCacheStore>(capacity, keySpace, ttlSeconds, true);
    case Eviction::Lfu:
        return std::make_unique<LfuCacheStore>(capacity, keySpace, ttlSeconds);
    case Eviction::Fifo:
    case Eviction::Ttl:
        // With one TTL for every entry, insertion order is expiry order: when full, a TTL
        // cache drops the entry closest to expiring, which is FIFO's victim.
        return std::make_unique<ListCacheStore>(capacity, keySpace, ttlSeconds, false);
    }
    return nullptr;
}

} // namespace sdlab::policies
