#include "station.h"

#include "fault_gate.h"

#include "sim/simulation.h"

#include <numeric>

namespace sdlab::components {

namespace {
constexpr sim::Index kUnchosen = sim::kNone;
} // namespace

Station::Station(std::string id, sim::Index index, const Config& config, sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng))
    , instances_(std::size_t(config.replicas))
    , routable_(std::size_t(config.replicas))
    , instanceLog_(config.replicas) {
    std::iota(routable_.begin(), routable_.end(), sim::Index(0));
    if (config.autoscaling) tracker_.emplace(*config.autoscaling);
}

void Station::beginService(sim::Simulation& sim, Instance& instance, sim::Index frame) {
    ++instance.busy;
    counters.busy.set(++busy_, sim.now());
    const bool write = sim.writes(frame);
    const auto& dist = write ? config_.writeTime : config_.readTime;
    sim::Time work = dist.sample(rng_) + (write ? config_.writeExtra : config_.readExtra);
    if (!config_.transferTime.isZero())
        work += config_.transferTime.sample(rng_); // after: fixed draw order
    sim.schedule(work * faults.slowFactor, sim::EventKind::ServiceDone, index(), frame);
}

void Station::shardBy(std::unique_ptr<policies::ShardRouter> router) {
    shardArrivals_.assign(std::size_t(router->shards()), 0);
    shardArrivalsTotal_ = shardArrivals_;
    shards_ = std::move(router);
}

void Station::onArrive(sim::Simulation& sim, sim::Index frame) {
    ++counters.arrivals;
    if (failIfFaulty(sim, *this, frame, rng_)) return;
    const std::size_t running = routable_.size();
    sim::Index which = running == 1 ? routable_[0] : kUnchosen;
    if (shards_) {
        which = sim::Index(shards_->shardOf(sim.requestOf(frame).key));
        ++shardArrivalsTotal_[which];
        if (sim.measuring()) ++shardArrivals_[which];
    } else if (which == kUnchosen) {
        which = routable_[nextInstance_++ % running];
    }
    Instance& instance = instances_[which];
    if (instance.down) { // the balancer in front does not know yet: the call fails
        sim.respond(frame, false, sim::Outcome::Crashed);
        return;
    }
    sim.frame(frame).step = which; // which instance, until the work is done
    if (instance.busy < config_.workers) {
        counters.inside.add(1, sim.now());
        beginService(sim, instance, frame);
        return;
    }
    if (config_.queueCapacity < 0 || long(instance.waiting.size()) < config_.queueCapacity) {
        counters.inside.add(1, sim.now());
        instance.waiting.push(frame);
        counters.queued.set(double(++waiting_), sim.now());
        return;
    }
    ++counters.rejected;
    sim.respond(frame, false, sim::Outcome::Rejected);
}

void Station::onServiceDone(sim::Simulation& sim, sim::Index frame) {
    Instance& instance = instances_[sim.frame(frame).step];
    --instance.busy;
    counters.busy.set(--busy_, sim.now());
    counters.inside.add(-1, sim.now());
    ++counters.completed;
    if (sim.measuring()) latency.record((sim.now() - sim.frame(frame).arrived) * 1000.0);
    if (!instance.waiting.empty()) {
        const sim::Index next = instance.waiting.pop();
        counters.queued.set(double(--waiting_), sim.now());
        beginService(sim, instance, next);
    } else if (instance.state == Instance::State::Draining && instance.busy == 0) {
        stop(sim, instance); // its last request is done: retired for good
    }
    sim.frame(frame).step = 0;
    if (faults.down || instance.down) { // crashed while working on it: the connection drops
        sim.respond(frame, false, sim::Outcome::Crashed);
        return;
    }
    afterLocalWork(sim, frame);
}

void Station::onFaultsChanged(sim::Simulation& sim) {
    // A crashed process drops its connections: what waited in its queue fails now. (What it
    // was serving fails when that work would have ended: the engine keeps no handle on it.)
    std::vector<sim::Index> dropped;
    for (Instance& instance : instances_)
        if (faults.down || instance.down)
            while (!instance.waiting.empty())
                dropped.push_back(instance.waiting.pop());
    if (dropped.empty()) return;
    waiting_ -= dropped.size();
    counters.queued.set(double(waiting_), sim.now());
    counters.inside.add(-double(dropped.size()), sim.now());
    for (sim::Index frame : dropped) // answered last: a caller may call straight back
        sim.respond(frame, false, sim::Outcome::Crashed);
}

void Station::callNextOrRespond(sim::Simulation& sim, sim::Index frame, bool lastOk) {
    if (shapedCalls_) { // routes or a fan-out: out of line, so that this stays small
        callShaped(sim, frame, lastOk);
        return;
    }
    sim::Frame& f = sim.frame(frame);
    if (!lastOk || f.step >= outLinks().size()) {
        sim.respond(frame, lastOk);
        return;
    }
    const sim::Index link = outLinks()[f.step++];
    sim.call(frame, link);
}

void Service::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    callNextOrRespond(sim, frame, true);
}

void Service::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    callNextOrRespond(sim, frame, ok);
}

} // namespace sdlab::components
