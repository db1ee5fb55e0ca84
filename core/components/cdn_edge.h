#pragma once

#include "cache.h"

namespace sdlab::components {

/// One edge location of a CDN: a cache in front of the origin whose objects live for a TTL.
/// Unlike a cache-aside cache, writes pass through to the origin without purging the cached
/// copy (a CDN is not told; it serves the old object until it expires). Its report adds the
/// origin offload: the share of requests it answered without the origin.
class CdnEdge final : public Cache {
public:
    CdnEdge(std::string id, sim::Index index, const Config& config, sim::Rng rng,
            std::unique_ptr<policies::CacheStore> store)
        : Cache(std::move(id), index, config, std::move(rng), std::move(store)) {
        purgeOnWrite_ = false;
    }
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
};

} // namespace sdlab::components
