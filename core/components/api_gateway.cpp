#include "api_gateway.h"

#include "sim/simulation.h"

#include <nlohmann/json.hpp>

namespace sdlab::components {

ApiGateway::ApiGateway(std::string id, sim::Index index, const Config& config, sim::Rng rng,
                       std::optional<policies::RateLimit> rateLimit,
                       std::unique_ptr<policies::CacheStore> cache)
    : Station(std::move(id), index, config, std::move(rng))
    , rateLimit_(rateLimit)
    , cache_(std::move(cache)) {}

void ApiGateway::start(sim::Simulation& sim) {
    Station::start(sim);
    limiters_.clear();
    if (!rateLimit_) return;
    limiters_.resize(rateLimit_->perClient ? sim.componentCount() : 1);
}

bool ApiGateway::admit(const sim::Simulation& sim, sim::Index frame) {
    const sim::Index client = sim.requestOf(frame).client;
    auto& limiter = limiters_[rateLimit_->perClient ? client : 0];
    if (!limiter) limiter = policies::makeRateLimiter(*rateLimit_);
    return limiter->admit(sim.now());
}

void ApiGateway::onArrive(sim::Simulation& sim, sim::Index frame) {
    // The limiter runs before any work (a crashed gateway answers nothing, not 429s).
    if (rateLimit_ && !faults.down && !admit(sim, frame)) {
        ++counters.arrivals;
        ++limitedTotal_;
        if (sim.measuring()) ++limitedWindow_;
        sim.respond(frame, false, sim::Outcome::RateLimited);
        return;
    }
    Station::onArrive(sim, frame);
}

void ApiGateway::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    if (cache_) {
        const std::uint32_t key = sim.requestOf(frame).key;
        if (sim.writes(frame)) {
            cache_->erase(key); // the next read fetches the new value
        } else {
            ++counters.reads;
            if (cache_->lookup(key, sim.now())) {
                ++counters.readHits;
                sim.respond(frame, true);
                return;
            }
        }
    }
    bool ok = true;
    if (advanceCalls(sim, frame, ok)) answer(sim, frame, ok);
}

void ApiGateway::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    if (advanceCalls(sim, frame, ok)) answer(sim, frame, ok);
}

void ApiGateway::answer(sim::Simulation& sim, sim::Index frame, bool ok) {
    if (ok && cache_ && !sim.writes(frame)) cache_->insert(sim.requestOf(frame).key, sim.now());
    sim.respond(frame, ok);
}

void ApiGateway::flush(sim::Simulation&) {
    if (cache_) cache_->clear();
}

void ApiGateway::reportExtra(nlohmann::ordered_json& out,
                             const metrics::CounterSnapshot& window) const {
    out["rate_limited"] = limitedWindow_;
    out["admitted"] = window.arrivals - limitedWindow_;
    if (!cache_) return;
    out["cache_reads"] = window.reads;
    out["cache_hits"] = window.readHits;
    out["cache_hit_ratio"] = window.reads ? double(window.readHits) / double(window.reads) : 0.0;
}

std::vector<std::string> ApiGateway::seriesNames() const {
    if (!cache_) return {"rate_limited"};
    return {"rate_limited", "cache_hits"};
}

std::vector<std::uint64_t> ApiGateway::seriesTotals() const {
    if (!cache_) return {limitedTotal_};
    return {limitedTotal_, counters.readHits};
}

std::vector<std::pair<sim::Index, double>> ApiGateway::limiterHeadroom(double now) const {
    std::vector<std::pair<sim::Index, double>> out;
    for (std::size_t i = 0; i < limiters_.size(); ++i)
        if (limiters_[i])
            out.emplace_back(rateLimit_->perClient ? sim::Index(i) : sim::kNone,
                             limiters_[i]->headroom(now));
    return out;
}

} // namespace sdlab::components
