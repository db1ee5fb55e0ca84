#pragma once

#include "metrics/instance_log.h"
#include "policies/shard_router.h"
#include "policies/target_tracking.h"
#include "sim/component.h"
#include "sim/distribution.h"
#include "sim/ring_queue.h"

#include <memory>
#include <optional>

namespace sdlab::components {

/// A queueing station: `replicas` identical instances, each with `workers` parallel servers
/// in front of its own FIFO queue; arrivals go to the running instances in turn. Requests
/// that find their instance's workers busy and its queue full are rejected. When a request's
/// own work is done the worker is free again and the subclass decides what happens next
/// (downstream calls, a cache lookup), so time spent waiting on others never counts as this
/// station's work. The number of instances may change while it runs (station_fleet.cpp).
class Station : public sim::Component {
public:
    struct Config {
        int workers = 1;         ///< per instance
        int replicas = 1;        ///< instances at the start
        long queueCapacity = -1; ///< < 0: unbounded; 0: no waiting room at all
        sim::Distribution readTime = sim::Distribution::exponential(0.01);
        sim::Distribution writeTime = sim::Distribution::exponential(0.01);
        /// Fixed work added to every read / write (a database's rows examined).
        sim::Time readExtra = 0, writeExtra = 0;
        /// Added to every request's work: an object store's size / bandwidth (zero elsewhere).
        sim::Distribution transferTime = sim::Distribution::deterministic(0);
        std::optional<policies::AutoscalingPolicy> autoscaling; ///< none: a fixed count
        /// Downstream calls all at once (a fan-out answered when every branch has answered),
        /// not one after another.
        bool parallelCalls = false;
    };
    static constexpr int kMaxInstances = 1000;

    Station(std::string id, sim::Index index, const Config& config, sim::Rng rng);

    void start(sim::Simulation& sim) override;
    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onServiceDone(sim::Simulation& sim, sim::Index frame) final;
    void onTimer(sim::Simulation& sim, sim::Index payload) override;
    void setInstanceDown(int instance, bool down) override;
    void onFaultsChanged(sim::Simulation& sim) override;
    /// Workers of the starting instances; the counters' extraWorkers tracks any difference.
    int workers() const override { return config_.workers * config_.replicas; }

    // --- the fleet, at run time (the GUI's "+1 instance", the autoscaler) -----------------
    /// Launches or retires instances until `count` run or boot (clamped to [1, kMaxInstances],
    /// and to [min, max] under an autoscaling policy). New instances boot for the policy's
    /// boot time (none without a policy). Returns the count aimed at.
    int setInstances(sim::Simulation& sim, int count);
    /// Turns autoscaling on with `policy` (or changes it), or off with nullopt (the count
    /// then stays as it is). Evaluations restart one interval from now.
    void setAutoscaling(sim::Simulation& sim, std::optional<policies::AutoscalingPolicy> policy);
    std::optional<policies::AutoscalingPolicy> autoscaling() const;
    int runningInstances() const { return int(routable_.size()); }
    /// Sharding: each request goes to the instance (shard) that holds its key, not in turn.
    void shardBy(std::unique_ptr<policies::ShardRouter> router);
    const policies::ShardRouter* shardRouter() const { return shards_.get(); }
    /// Requests each shard received in the measured window, and from time 0.
    const std::vector<std::uint64_t>& shardArrivals() const { return shardArrivals_; }
    const std::vector<std::uint64_t>& shardArrivalsTotal() const { return shardArrivalsTotal_; }
    int bootingInstances() const;
    const metrics::InstanceLog& instanceLog() const { return instanceLog_; }

protected:
    /// The request's own work here is finished; the subclass must answer or call on.
    virtual void afterLocalWork(sim::Simulation& sim, sim::Index frame) = 0;
    /// Calls the downstream links the request's kind takes (their `route`), then answers:
    /// one after another (frame.step counts them; a failed call answers with the failure at
    /// once), or all at once (parallelCalls; a failure answers once every branch has).
    void callNextOrRespond(sim::Simulation& sim, sim::Index frame, bool lastOk);
    /// The same without the answer: starts the calls (frame: the request's, ok: true) or
    /// goes on after one answered (frame: the caller's or a branch's, ok: how it ended).
    /// Returns true when every call is done; frame and ok then name the request's frame and
    /// whether all succeeded.
    bool advanceCalls(sim::Simulation& sim, sim::Index& frame, bool& ok);

private:
    struct Instance {
        /// Running: takes traffic. Booting: launched, not yet ready. Draining: retired, takes
        /// no new traffic but finishes what it holds. Stopped: gone (its slot is reused).
        enum class State : std::uint8_t { Running, Booting, Draining, Stopped };
        int busy = 0;
        State state = State::Running;
        bool down = false;     ///< this instance alone crashed
        sim::Time readyAt = 0; ///< Booting: when it starts taking traffic
        sim::RingQueue waiting;
    };
    /// Busy, present-worker and queue integrals at one instant, for the autoscaler's metric.
    struct Reading {
        double time = 0, busyArea = 0, workerArea = 0, queueArea = 0;
    };
    void beginService(sim::Simulation& sim, Instance& instance, sim::Index frame);

    // station_calls.cpp
    /// Sorts the downstream links by the kinds of request they carry.
    void planCalls(const sim::Simulation& sim);
    const std::vector<sim::Index>& callsFor(const sim::Simulation& sim, sim::Index frame) const;
    bool fanOutOrJoin(sim::Simulation& sim, sim::Index& frame, bool& ok);
    /// callNextOrRespond with routes or a fan-out.
    void callShaped(sim::Simulation& sim, sim::Index frame, bool ok);

    // station_fleet.cpp
    void resize(sim::Simulation& sim, int count);
    void launch(sim::Simulation& sim);
    void retire(sim::Simulation& sim);
    void finishBoot(sim::Simulation& sim, sim::Index slot);
    void stop(sim::Simulation& sim, Instance& instance);
    void evaluate(sim::Simulation& sim);
    void scheduleEvaluation(sim::Simulation& sim);
    Reading reading(double now) const;

    Config config_;
    sim::Rng rng_;
    std::vector<Instance> instances_;  ///< slots, by instance number
    std::vector<sim::Index> routable_; ///< running instances, by number: round robin over these
    std::size_t nextInstance_ = 0;
    int busy_ = 0;            ///< over all instances
    std::size_t waiting_ = 0; ///< over all instances
    metrics::InstanceLog instanceLog_;
    std::optional<policies::TargetTracker> tracker_;
    sim::Time nextEvaluation_ = -1; ///< evaluation timers for any other time are stale
    Reading lastReading_;
    std::unique_ptr<policies::ShardRouter> shards_;
    std::vector<std::uint64_t> shardArrivals_, shardArrivalsTotal_;
    bool routed_ = false; ///< some link carries reads or writes only: calls depend on the kind
    /// Routed or parallel calls. Without them callNextOrRespond keeps its plain, inlinable
    /// form: most stations have neither, and it runs on every hop.
    bool shapedCalls_ = false;
    std::vector<sim::Index> readCalls_, writeCalls_; ///< (routed_) the links each kind takes
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
