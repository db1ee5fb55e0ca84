#include "station.h"

#include "sim/simulation.h"

namespace sdlab::components {

Station::Station(std::string id, sim::Index index, const Config& config, sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng)) {}

void Station::beginService(sim::Simulation& sim, sim::Index frame) {
    ++busy_;
    counters.busy.set(busy_, sim.now());
    const auto& dist =
        sim.requestOf(frame).kind == sim::RequestKind::Read ? config_.readTime : config_.writeTime;
    sim.schedule(dist.sample(rng_), sim::EventKind::ServiceDone, index(), frame);
}

void Station::onArrive(sim::Simulation& sim, sim::Index frame) {
    ++counters.arrivals;
    if (busy_ < config_.workers) {
        counters.inside.add(1, sim.now());
        beginService(sim, frame);
        return;
    }
    if (config_.queueCapacity < 0 || long(waiting_.size()) < config_.queueCapacity) {
        counters.inside.add(1, sim.now());
        waiting_.push(frame);
        counters.queued.set(double(waiting_.size()), sim.now());
        return;
    }
    ++counters.rejected;
    sim.respond(frame, false);
}

void Station::onServiceDone(sim::Simulation& sim, sim::Index frame) {
    --busy_;
    counters.busy.set(busy_, sim.now());
    counters.inside.add(-1, sim.now());
    ++counters.completed;
    if (sim.measuring()) latency.record((sim.now() - sim.frame(frame).arrived) * 1000.0);
    if (!waiting_.empty()) {
        const sim::Index next = waiting_.pop();
        counters.queued.set(double(waiting_.size()), sim.now());
        beginService(sim, next);
    }
    sim.frame(frame).step = 0;
    afterLocalWork(sim, frame);
}

void Station::callNextOrRespond(sim::Simulation& sim, sim::Index frame, bool lastOk) {
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
