#pragma once

#include "sim/component.h"
#include "sim/distribution.h"
#include "sim/ring_queue.h"

namespace sdlab::components {

/// A queueing station: `replicas` identical instances, each with `workers` parallel servers
/// in front of its own FIFO queue; arrivals go to the instances in turn. Requests that find
/// their instance's workers busy and its queue full are rejected. When a request's own work is done
/// the worker is free again and the subclass decides what happens next (downstream calls,
/// a cache lookup), so time spent waiting on others never counts as this station's work.
class Station : public sim::Component {
public:
    struct Config {
        int workers = 1;         ///< per instance
        int replicas = 1;        ///< instances
        long queueCapacity = -1; ///< < 0: unbounded; 0: no waiting room at all
        sim::Distribution readTime = sim::Distribution::exponential(0.01);
        sim::Distribution writeTime = sim::Distribution::exponential(0.01);
    };
    Station(std::string id, sim::Index index, const Config& config, sim::Rng rng);

    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onServiceDone(sim::Simulation& sim, sim::Index frame) final;
    int workers() const override { return config_.workers * config_.replicas; }

protected:
    /// The request's own work here is finished; the subclass must answer or call on.
    virtual void afterLocalWork(sim::Simulation& sim, sim::Index frame) = 0;
    /// Calls the downstream links one after another (frame.step counts them), then answers;
    /// a failed call answers with the failure at once.
    void callNextOrRespond(sim::Simulation& sim, sim::Index frame, bool lastOk);

private:
    struct Instance {
        int busy = 0;
        sim::RingQueue waiting;
    };
    void beginService(sim::Simulation& sim, Instance& instance, sim::Index frame);

    Config config_;
    sim::Rng rng_;
    std::vector<Instance> instances_;
    std::size_t nextInstance_ = 0;
    int busy_ = 0;            ///< over all instances
    std::size_t waiting_ = 0; ///< over all instances
};

/// An application service (or, with separate read/write times, a database): its own work,
/// then each downstream dependency in turn.
class Service final : public Station {
public:
    using Station::Station;
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;

private:
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
};

} // namespace sdlab::components
