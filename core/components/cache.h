#pragma once

#include "metrics/hot_keys.h"
#include "policies/cache_store.h"
#include "station.h"

#include <memory>
#include <unordered_map>
#include <vector>

namespace sdlab::components {

/// A read-through cache in front of one downstream component. A read hit answers at once; a
/// miss is fetched from downstream and stored (with coalescing, concurrent misses on one key
/// share a single fetch). Writes follow the write policy:
/// - cache-aside: the write goes downstream and the key is invalidated;
/// - write-through: the write goes downstream, and once it is acknowledged the cache holds
///   the new value: the client waits for both;
/// - write-behind: the cache takes the write and answers at once; the key is flushed
///   downstream after the flush delay (later writes to a dirty key ride along). Dirty keys are
///   data at risk: a crash or a flush of the cache loses them.
class Cache : public Station {
public:
    enum class WritePolicy { CacheAside, WriteThrough, WriteBehind };
    struct Policy {
        WritePolicy write = WritePolicy::CacheAside;
        double flushDelay = 1; ///< s a write-behind key stays dirty before it is flushed
        bool coalesce = false; ///< concurrent misses on one key share one fetch
    };
    Cache(std::string id, sim::Index index, const Config& config, sim::Rng rng,
          std::unique_ptr<policies::CacheStore> store, const Policy& policy);
    /// Cache-aside, without coalescing (a CDN edge's cache).
    Cache(std::string id, sim::Index index, const Config& config, sim::Rng rng,
          std::unique_ptr<policies::CacheStore> store);
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void onTimer(sim::Simulation& sim, sim::Index payload) override;
    void onFaultsChanged(sim::Simulation& sim) override;
    void flush(sim::Simulation& sim) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    std::vector<std::string> seriesNames() const override;
    std::vector<std::uint64_t> seriesTotals() const override;

    /// Write-behind keys not yet flushed downstream.
    std::size_t unflushed() const { return dirtySince_.size(); }
    /// What it holds (entries, capacity, whether a key would hit now), for live views.
    const policies::CacheStore& store() const { return *store_; }
    /// Its look-ups of late: the hottest keys and the recent hit ratio.
    const metrics::HotKeys& hotKeys() const { return hotKeys_; }

protected:
    /// A write drops the cached copy (cache-aside); a CDN edge leaves it until it expires.
    bool purgeOnWrite_ = true;

private:
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
    void fetch(sim::Simulation& sim, sim::Index frame);
    void takeWriteBehind(sim::Simulation& sim, sim::Index frame);
    void flushKey(sim::Simulation& sim, std::uint32_t key);
    void loseDirtyKeys(const sim::Simulation& sim);
    void recordHitAge(double age);

    std::unique_ptr<policies::CacheStore> store_;
    Policy policy_;
    metrics::HotKeys hotKeys_;
    /// Coalescing: misses waiting on the fetch already under way for their key.
    std::unordered_map<std::uint32_t, std::vector<sim::Index>> waiting_;
    std::unordered_map<std::uint32_t, double> dirtySince_; ///< write-behind: key → first write
    /// Reads answered by another read's fetch; write-behind: writes taken, writes absorbed by
    /// a key already dirty, flushes sent, dirty keys lost.
    struct Counts {
        std::uint64_t coalesced = 0, writes = 0, absorbed = 0, flushes = 0, lost = 0;
    };
    /// Adds n to a count, from time 0 (charts) and in the measured window (the report).
    void count(const sim::Simulation& sim, std::uint64_t Counts::*field, std::uint64_t n = 1);
    Counts total_, window_;
    std::size_t unflushedMax_ = 0; ///< in the measured window
    /// Age of the copy each read hit served (now − when it was stored), measured window: how
    /// out of date an answer can be, since nothing tells the cache of writes made around it.
    double hitAgeSum_ = 0, hitAgeMax_ = 0;
    std::uint64_t agedHits_ = 0;
};

} // namespace sdlab::components
