#include "cache.h"

#include "sim/simulation.h"

#include <nlohmann/json.hpp>

namespace sdlab::components {

Cache::Cache(std::string id, sim::Index index, const Config& config, sim::Rng rng,
             std::unique_ptr<policies::CacheStore> store)
    : Station(std::move(id), index, config, std::move(rng))
    , store_(std::move(store)) {}

void Cache::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    const sim::Request& req = sim.requestOf(frame);
    if (!sim.writes(frame)) {
        ++counters.reads;
        if (store_->lookup(req.key, sim.now())) {
            ++counters.readHits;
            sim.respond(frame, true);
            return;
        }
    } else if (purgeOnWrite_) {
        store_->erase(req.key);
    }
    if (outLinks().empty()) {
        sim.respond(frame, true); // nothing behind the cache: a miss is an empty answer
        return;
    }
    sim.call(frame, outLinks().front());
}

void Cache::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    if (ok && !sim.writes(frame)) store_->insert(sim.requestOf(frame).key, sim.now());
    sim.respond(frame, ok);
}

void Cache::reportExtra(nlohmann::ordered_json& out, const metrics::CounterSnapshot& window) const {
    out["reads"] = window.reads;
    out["hits"] = window.readHits;
    out["hit_ratio"] = window.reads ? double(window.readHits) / double(window.reads) : 0.0;
    out["entries"] = store_->size();
}

} // namespace sdlab::components
