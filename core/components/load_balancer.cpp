#include "load_balancer.h"

#include "fault_gate.h"

#include "sim/simulation.h"

#include <cmath>
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
    for (std::size_t t = 0; t < outLinks().size(); ++t)
        if (sim.link(outLinks()[t]).standby) balancer_->setStandby(t, true);
    forwarded_.assign(outLinks().size(), 0);
    health_.assign(outLinks().size(), Health{});
    if (config_.healthInterval > 0 && !outLinks().empty())
        sim.schedule(config_.healthInterval, sim::EventKind::Timer, index(), 0);
}

void LoadBalancer::onTimer(sim::Simulation& sim, sim::Index payload) {
    if (payload > 0) { // an ejection is over: back in rotation, on probation
        balancer_->setEjected(payload - 1, false);
        health_[payload - 1].changes.emplace_back(sim.now(), Verdict::Returned);
        return;
    }
    for (std::size_t t = 0; t < outLinks().size(); ++t) {
        const sim::Index to = sim.link(outLinks()[t]).to;
        const bool up = !sim.component(to).faults.down && !sim.partitioned(index(), to);
        Health& h = health_[t];
        h.failedInARow = up ? 0 : h.failedInARow + 1;
        h.passedInARow = up ? h.passedInARow + 1 : 0;
        const bool healthy = balancer_->isHealthy(t);
        if (healthy && h.failedInARow >= config_.unhealthyThreshold) {
            balancer_->setHealthy(t, false);
            h.changes.emplace_back(sim.now(), Verdict::Unhealthy);
        } else if (!healthy && h.passedInARow >= config_.healthyThreshold) {
            balancer_->setHealthy(t, true);
            h.changes.emplace_back(sim.now(), Verdict::Healthy);
        }
    }
    sim.schedule(config_.healthInterval, sim::EventKind::Timer, index(), 0);
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
    const std::size_t target = sim.frame(frame).step;
    balancer_->finished(target);
    if (config_.outlierErrors > 0) noteCallOutcome(sim, target, ok);
    sim.respond(frame, ok);
}

void LoadBalancer::noteCallOutcome(sim::Simulation& sim, std::size_t target, bool ok) {
    // Envoy's consecutive-errors outlier detection: eject for base × ejections so far, but
    // never more than the allowed share of targets at once.
    Health& h = health_[target];
    h.callsFailedInARow = ok ? 0 : h.callsFailedInARow + 1;
    if (h.callsFailedInARow < config_.outlierErrors || balancer_->isEjected(target)) return;
    std::size_t ejected = 0;
    for (std::size_t t = 0; t < health_.size(); ++t)
        ejected += balancer_->isEjected(t);
    if (100.0 * double(ejected + 1) > config_.maxEjectedPercent * double(health_.size())) return;
    h.callsFailedInARow = 0;
    ++h.ejections;
    balancer_->setEjected(target, true);
    h.changes.emplace_back(sim.now(), Verdict::Ejected);
    sim.schedule(config_.outlierEjection * h.ejections, sim::EventKind::Timer, index(),
                 sim::Index(target + 1));
}

void LoadBalancer::reportExtra(nlohmann::ordered_json& out, const metrics::CounterSnapshot&) const {
    if (!balancer_) return; // never started
    std::uint64_t total = 0;
    for (auto n : forwarded_)
        total += n;
    auto& split = out["forwarded"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < forwarded_.size(); ++i) {
        split.push_back({{"to", balancer_->targets()[i].name},
                         {"requests", forwarded_[i]},
                         {"share", total ? double(forwarded_[i]) / double(total) : 0.0}});
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        static constexpr const char* kVerdicts[] = {"healthy", "unhealthy", "ejected", "returned"};
        for (const auto& [t, verdict] : health_[i].changes)
            changes.push_back({std::round(t * 1e6) / 1e6, kVerdicts[int(verdict)]});
        if (!changes.empty()) out["health"][balancer_->targets()[i].name] = std::move(changes);
    }
}

} // namespace sdlab::components
