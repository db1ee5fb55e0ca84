#include "load_balancer.h"

#include "fault_gate.h"

#include "sim/simulation.h"

#include <nlohmann/json.hpp>

namespace sdlab::components {

LoadBalancer::LoadBalancer(std::string id, sim::Index index, const Config& config, sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng)) {}

void LoadBalancer::start(sim::Simulation& sim) {
    std::vector<policies::Balancer::Target> targets;
    for (sim::Index l : outLinks())
        targets.push_back({sim.component(sim.link(l).to).id(), sim.link(l).weight});
    balancer_ = std::make_unique<policies::Balancer>(config_.algorithm, std::move(targets),
                                                     config_.virtualNodes);
    forwarded_.assign(outLinks().size(), 0);
}

void LoadBalancer::onArrive(sim::Simulation& sim, sim::Index frame) {
    ++counters.arrivals;
    if (failIfFaulty(sim, *this, frame, rng_)) return;
    if (outLinks().empty()) {
        ++counters.rejected;
        sim.respond(frame, false);
        return;
    }
    ++counters.completed;
    if (sim.measuring()) latency.record(0.0);
    const std::size_t target = balancer_->choose(sim.requestOf(frame).key, rng_);
    balancer_->started(target);
    if (sim.measuring()) ++forwarded_[target];
    sim.frame(frame).step = std::uint32_t(target);
    sim.call(frame, outLinks()[target]);
}

void LoadBalancer::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    balancer_->finished(sim.frame(frame).step);
    sim.respond(frame, ok);
}

void LoadBalancer::reportExtra(nlohmann::ordered_json& out, const metrics::CounterSnapshot&) const {
    if (!balancer_) return; // never started
    std::uint64_t total = 0;
    for (auto n : forwarded_)
        total += n;
    auto& split = out["forwarded"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < forwarded_.size(); ++i)
        split.push_back({{"to", balancer_->targets()[i].name},
                         {"requests", forwarded_[i]},
                         {"share", total ? double(forwarded_[i]) / double(total) : 0.0}});
}

} // namespace sdlab::components
