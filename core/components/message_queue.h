#pragma once

#include "consumer_group.h"

#include "sim/component.h"
#include "sim/distribution.h"
#include "sim/slot_pool.h"

namespace sdlab::components {

/// A message broker (Kafka, RabbitMQ, SQS): a producer's call is acknowledged once the
/// message is appended; consumers process it later. Each downstream link is a consumer
/// group that gets every message (publish/subscribe); its `consumers` each take a message,
/// call the group's component with it (a request of the queue's own) and acknowledge it when
/// that answers OK. Messages are spread over partitions by a hash of their key; a partition is
/// served by one consumer of a group at a time, in order. Delivery is at least once: a failed
/// processing is delivered again (dead-lettered after `maxAttempts`), and a lost consumer
/// (its component crashed) makes the partition go back to its last committed offset.
class MessageQueue final : public sim::Component {
public:
    /// What a full backlog does with one more message.
    enum class Overflow { DropOldest, RejectNew };
    struct Config {
        sim::Distribution appendTime = sim::Distribution::deterministic(0.001);
        int partitions = 8;
        int consumers = 2;    ///< per group
        long maxBacklog = -1; ///< messages waiting per group; < 0: unbounded
        Overflow overflow = Overflow::DropOldest;
        int maxAttempts = 5;
        sim::Time redeliveryDelay = 0.1;
        sim::Time commitInterval = 1; ///< 0: each message is acknowledged as processed
    };
    MessageQueue(std::string id, sim::Index index, const Config& config, sim::Rng rng);
    /// Makes each downstream link a consumer group: once every link is added, before reports
    /// ask for column names.
    void connectGroups(const sim::Simulation& sim);

    void start(sim::Simulation& sim) override;
    /// A producer's message: appended, then acknowledged (onServiceDone).
    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onServiceDone(sim::Simulation& sim, sim::Index frame) override;
    /// A consumer's call to its group's component answered.
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void onTimer(sim::Simulation& sim, sim::Index payload) override;
    void onFaultsChanged(sim::Simulation& sim) override;
    void stopConsumers(sim::Simulation& sim, const std::vector<sim::Index>& groups,
                       bool stopped) override;
    int workers() const override;

    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    std::vector<std::string> seriesNames() const override;
    std::vector<std::uint64_t> seriesTotals() const override;
    std::vector<std::string> gaugeNames() const override;
    std::vector<double> gauges() const override;

    // --- for the GUI and tests --------------------------------------------------------------
    std::size_t groupCount() const { return groups_.size(); }
    /// The group that consumes over the link to `component`, or kNone.
    sim::Index groupOf(sim::Index component) const;
    const ConsumerGroup& group(sim::Index g) const { return groups_[g]; }
    /// The id of the component group `g` consumes for.
    const std::string& groupName(sim::Index g) const { return names_[g]; }
    const Config& config() const { return config_; }

private:
    struct Message {
        sim::Time published = 0;
        std::uint32_t key = 0;
        sim::RequestKind kind = sim::RequestKind::Write;
        std::uint16_t holders = 0; ///< groups that still need it
    };
    /// One consumer's delivery under way (its request's root frame's `step` names it).
    struct Delivery {
        sim::Index group = 0;
        sim::Index partition = 0;
    };
    /// Timer payloads: the kind in the top bits.
    enum TimerKind : std::uint32_t { Deliver = 0, Commit = 1u << 30, Release = 2u << 30 };
    static constexpr std::uint32_t kTimerMask = 3u << 30;

    bool full(const ConsumerGroup& g) const;
    void publish(sim::Simulation& sim, const sim::Request& request);
    /// Free consumers of a group take messages (each delivery starts by a zero-delay timer,
    /// so that no call is made in the middle of this component's bookkeeping).
    void dispatch(sim::Simulation& sim, sim::Index group);
    void dispatchAll(sim::Simulation& sim);
    void settle(sim::Simulation& sim, sim::Index group, sim::Index partition, bool ok,
                sim::Outcome cause);
    /// Locks a partition for the redelivery delay.
    void holdBack(sim::Simulation& sim, sim::Index group, sim::Index partition);
    void commit(ConsumerGroup& g, sim::Index partition);
    void forget(sim::Index message);
    void updateBacklog(sim::Simulation& sim);

    Config config_;
    sim::Rng rng_;
    std::vector<ConsumerGroup> groups_;
    std::vector<sim::Index> downstream_; ///< per group: the component it consumes for
    std::vector<std::string> names_;     ///< per group: that component's id
    sim::SlotPool<Message> messages_;
    sim::SlotPool<Delivery> deliveries_;
    std::uint64_t nextSeq_ = 0;
    int consuming_ = 0; ///< deliveries under way, over all groups
};

} // namespace sdlab::components
