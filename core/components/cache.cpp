#include "cache.h"

#include "sim/simulation.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

namespace sdlab::components {

namespace {

/// Timer payloads with this bit are write-behind flushes (of the key below it); others are
/// the station's own.
constexpr sim::Index kFlushTag = sim::Index(1) << 31;

bool isBackgroundFlush(const sim::Frame& f) {
    return f.parent == sim::kNone; // a root frame of the cache's own: a flush it started
}

} // namespace

Cache::Cache(std::string id, sim::Index index, const Config& config, sim::Rng rng,
             std::unique_ptr<policies::CacheStore> store, const Policy& policy)
    : Station(std::move(id), index, config, std::move(rng))
    , store_(std::move(store))
    , policy_(policy) {}

Cache::Cache(std::string id, sim::Index index, const Config& config, sim::Rng rng,
             std::unique_ptr<policies::CacheStore> store)
    : Cache(std::move(id), index, config, std::move(rng), std::move(store), Policy{}) {}

void Cache::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    const sim::Request& req = sim.requestOf(frame);
    if (!sim.writes(frame)) {
        ++counters.reads;
        const bool hit = store_->lookup(req.key, sim.now());
        hotKeys_.add(req.key, sim.now(), hit);
        if (hit) {
            ++counters.readHits;
            if (sim.measuring()) recordHitAge(sim.now() - store_->storedAt(req.key));
            sim.respond(frame, true);
            return;
        }
    } else if (policy_.write == WritePolicy::WriteBehind && !outLinks().empty()) {
        takeWriteBehind(sim, frame);
        return;
    } else if (policy_.write == WritePolicy::CacheAside && purgeOnWrite_) {
        store_->erase(req.key);
    }
    if (outLinks().empty()) {
        sim.respond(frame, true); // nothing behind the cache: a miss is an empty answer
        return;
    }
    fetch(sim, frame);
}

void Cache::fetch(sim::Simulation& sim, sim::Index frame) {
    if (policy_.coalesce && !sim.writes(frame)) {
        const auto [it, first] = waiting_.try_emplace(sim.requestOf(frame).key);
        if (!first) { // a fetch for this key is under way: wait for its answer
            it->second.push_back(frame);
            count(sim, &Counts::coalesced);
            return;
        }
    }
    sim.call(frame, outLinks().front());
}

void Cache::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    const std::uint32_t key = sim.requestOf(frame).key;
    if (isBackgroundFlush(sim.frame(frame))) {
        sim.finishRequest(frame);
        // A flush that failed leaves the key dirty again, to be tried after another delay.
        if (!ok && !dirtySince_.count(key)) {
            dirtySince_.emplace(key, sim.now());
            sim.schedule(policy_.flushDelay, sim::EventKind::Timer, index(), kFlushTag | key);
        }
        return;
    }
    const bool write = sim.writes(frame);
    if (ok && (!write || policy_.write == WritePolicy::WriteThrough))
        store_->insert(key, sim.now());   // a fetched read, or a write-through's new value
    if (!ok && write) store_->erase(key); // the write may or may not have happened
    std::vector<sim::Index> waiters;
    if (!write && policy_.coalesce) {
        if (const auto it = waiting_.find(key); it != waiting_.end()) {
            waiters = std::move(it->second);
            waiting_.erase(it);
        }
    }
    sim.respond(frame, ok);
    for (sim::Index w : waiters) // the misses that shared this fetch hear the same answer
        sim.respond(w, ok);
}

void Cache::takeWriteBehind(sim::Simulation& sim, sim::Index frame) {
    const std::uint32_t key = sim.requestOf(frame).key;
    store_->insert(key, sim.now());
    count(sim, &Counts::writes);
    if (dirtySince_.emplace(key, sim.now()).second) {
        sim.schedule(policy_.flushDelay, sim::EventKind::Timer, index(), kFlushTag | key);
        if (sim.measuring()) unflushedMax_ = std::max(unflushedMax_, dirtySince_.size());
    } else {
        count(sim, &Counts::absorbed); // the pending flush will carry this write too
    }
    sim.respond(frame, true);
}

void Cache::onTimer(sim::Simulation& sim, sim::Index payload) {
    if (payload & kFlushTag)
        flushKey(sim, payload & ~kFlushTag);
    else
        Station::onTimer(sim, payload);
}

void Cache::flushKey(sim::Simulation& sim, std::uint32_t key) {
    if (!dirtySince_.erase(key)) return; // lost in a crash or a flush of the cache meanwhile
    count(sim, &Counts::flushes);
    const sim::Index root = sim.startRequest(index(), sim::RequestKind::Write, key,
                                             std::numeric_limits<double>::infinity());
    sim.call(root, outLinks().front());
}

void Cache::recordHitAge(double age) {
    hitAgeSum_ += age;
    hitAgeMax_ = std::max(hitAgeMax_, age);
    ++agedHits_;
}

void Cache::count(const sim::Simulation& sim, std::uint64_t Counts::*field, std::uint64_t n) {
    total_.*field += n;
    if (sim.measuring()) window_.*field += n;
}

void Cache::loseDirtyKeys(const sim::Simulation& sim) {
    count(sim, &Counts::lost, dirtySince_.size());
    dirtySince_.clear();
}

void Cache::flush(sim::Simulation& sim) {
    store_->clear();
    loseDirtyKeys(sim);
}

void Cache::onFaultsChanged(sim::Simulation& sim) {
    Station::onFaultsChanged(sim);
    if (faults.down) { // the process died with its memory: contents and dirty keys gone
        store_->clear();
        loseDirtyKeys(sim);
    }
}

void Cache::reportExtra(nlohmann::ordered_json& out, const metrics::CounterSnapshot& window) const {
    out["reads"] = window.reads;
    out["hits"] = window.readHits;
    out["hit_ratio"] = window.reads ? double(window.readHits) / double(window.reads) : 0.0;
    out["entries"] = store_->size();
    out["hit_age_s"] = {{"mean", agedHits_ ? hitAgeSum_ / double(agedHits_) : 0.0},
                        {"max", hitAgeMax_}};
    if (policy_.coalesce) out["coalesced"] = window_.coalesced;
    if (policy_.write == WritePolicy::WriteBehind)
        out["write_behind"] = {{"writes", window_.writes},     {"absorbed", window_.absorbed},
                               {"flushes", window_.flushes},   {"lost_writes", window_.lost},
                               {"unflushed_end", unflushed()}, {"unflushed_max", unflushedMax_}};
}

std::vector<std::string> Cache::seriesNames() const {
    if (policy_.write != WritePolicy::WriteBehind) return {};
    return {"flushes", "lost_writes"};
}

std::vector<std::uint64_t> Cache::seriesTotals() const {
    if (policy_.write != WritePolicy::WriteBehind) return {};
    return {total_.flushes, total_.lost};
}

} // namespace sdlab::components
