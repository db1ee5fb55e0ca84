#pragma once

#include "policies/cache_store.h"
#include "station.h"

#include <memory>

namespace sdlab::components {

/// A read-through cache in front of one downstream component: a read hit answers at once, a
/// miss is fetched from downstream and stored; a write goes downstream and invalidates the
/// key (the cache-aside discipline).
class Cache : public Station {
public:
    Cache(std::string id, sim::Index index, const Config& config, sim::Rng rng,
          std::unique_ptr<policies::CacheStore> store);
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void flush() override { store_->clear(); }
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;

protected:
    /// A write drops the cached copy (cache-aside); a CDN edge leaves it until it expires.
    bool purgeOnWrite_ = true;

private:
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
    std::unique_ptr<policies::CacheStore> store_;
};

} // namespace sdlab::components
