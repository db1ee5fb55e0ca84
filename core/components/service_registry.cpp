#include "service_registry.h"

#include "fault_gate.h"

#include "sim/simulation.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace sdlab::components {

namespace {
constexpr sim::Index kHeartbeat = 0, kRefresh = 1;
} // namespace

ServiceRegistry::ServiceRegistry(std::string id, sim::Index index, const Config& config,
                                 sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng)) {}

void ServiceRegistry::start(sim::Simulation& sim) {
    std::vector<policies::Balancer::Target> targets;
    for (sim::Index l : outLinks())
        targets.push_back({sim.component(sim.link(l).to).id(), 1.0});
    view_ = std::make_unique<policies::Balancer>(config_.random
                                                     ? policies::BalancingAlgorithm::Random
                                                     : policies::BalancingAlgorithm::RoundRobin,
                                                 std::move(targets), 1);
    instances_.assign(outLinks().size(), Instance{});
    visible_ = instances_.size();
    if (instances_.empty()) return;
    sim.schedule(config_.heartbeatInterval, sim::EventKind::Timer, index(), kHeartbeat);
    if (config_.refresh > 0)
        sim.schedule(config_.refresh, sim::EventKind::Timer, index(), kRefresh);
}

void ServiceRegistry::onTimer(sim::Simulation& sim, sim::Index payload) {
    if (payload == kHeartbeat) {
        heartbeats(sim);
        sim.schedule(config_.heartbeatInterval, sim::EventKind::Timer, index(), kHeartbeat);
        return;
    }
    if (payload == kRefresh) {
        refreshView();
        sim.schedule(config_.refresh, sim::EventKind::Timer, index(), kRefresh);
        return;
    }
    const std::size_t t = (payload - 2) / 2;
    Instance& in = instances_[t];
    if (payload % 2 == 0) { // TTL check: still no heartbeat since the one that armed it?
        if (in.registered && sim.now() - in.lastHeartbeat >= config_.ttl - 1e-9)
            setRegistered(sim, t, false);
        return;
    }
    in.registering = false;
    const sim::Index to = sim.link(outLinks()[t]).to;
    if (!sim.component(to).faults.down) setRegistered(sim, t, true);
}

void ServiceRegistry::heartbeats(sim::Simulation& sim) {
    for (std::size_t t = 0; t < instances_.size(); ++t) {
        Instance& in = instances_[t];
        const sim::Index to = sim.link(outLinks()[t]).to;
        const bool beats = !sim.component(to).faults.down && !sim.partitioned(to, index());
        if (beats) {
            in.lastHeartbeat = sim.now();
            if (!in.registered && !in.registering) { // back after a crash: register anew
                in.registering = true;
                sim.schedule(config_.registrationDelay, sim::EventKind::Timer, index(),
                             sim::Index(3 + 2 * t));
            }
        } else if (in.registered &&
                   sim.now() - in.lastHeartbeat < config_.heartbeatInterval * 1.5) {
            // The first heartbeat missed: the TTL runs out ttl after the last one.
            sim.schedule(in.lastHeartbeat + config_.ttl - sim.now(), sim::EventKind::Timer, index(),
                         sim::Index(2 + 2 * t));
        }
    }
}

void ServiceRegistry::setRegistered(sim::Simulation& sim, std::size_t t, bool registered) {
    instances_[t].registered = registered;
    instances_[t].changes.emplace_back(sim.now(), registered);
    if (config_.refresh <= 0) refreshView();
}

void ServiceRegistry::refreshView() {
    visible_ = 0;
    for (std::size_t t = 0; t < instances_.size(); ++t) {
        view_->setHealthy(t, instances_[t].registered);
        visible_ += instances_[t].registered;
    }
}

void ServiceRegistry::onArrive(sim::Simulation& sim, sim::Index frame) {
    ++counters.arrivals;
    if (failIfFaulty(sim, *this, frame, rng_)) return;
    if (visible_ == 0) { // the callers know no instance at all
        ++counters.rejected;
        sim.respond(frame, false, sim::Outcome::Crashed);
        return;
    }
    ++counters.completed;
    if (sim.measuring()) latency.record(0.0);
    const std::size_t t = view_->choose(sim.requestOf(frame).key, rng_);
    const bool dead = sim.component(sim.link(outLinks()[t]).to).faults.down;
    deadCallsTotal_ += dead;
    if (sim.measuring()) {
        ++instances_[t].calls;
        instances_[t].deadCalls += dead;
    }
    sim.call(frame, outLinks()[t]);
}

void ServiceRegistry::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    sim.respond(frame, ok);
}

void ServiceRegistry::reportExtra(nlohmann::ordered_json& out,
                                  const metrics::CounterSnapshot&) const {
    if (!view_) return; // never started
    std::uint64_t dead = 0;
    auto& list = out["instances"] = nlohmann::ordered_json::object();
    for (std::size_t t = 0; t < instances_.size(); ++t) {
        const Instance& in = instances_[t];
        dead += in.deadCalls;
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        for (const auto& [time, registered] : in.changes)
            changes.push_back(
                {std::round(time * 1e6) / 1e6, registered ? "registered" : "deregistered"});
        list[view_->targets()[t].name] = {{"calls", in.calls},
                                          {"calls_to_dead", in.deadCalls},
                                          {"registered_at_end", in.registered},
                                          {"changes", std::move(changes)}};
    }
    out["calls_to_dead_instances"] = dead;
}

} // namespace sdlab::components
