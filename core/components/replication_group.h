#pragma once

#include "metrics/component_counters.h"
#include "metrics/latency_histogram.h"
#include "sim/request.h"
#include "sim/slot_pool.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json_fwd.hpp>
#include <unordered_map>
#include <vector>

namespace sdlab::sim {
class Simulation;
}

namespace sdlab::components {

/// Databases joined by replication links: one logical store kept on several members.
///
/// Writes go to a primary (a replica forwards them: the cluster endpoint), are applied there
/// and streamed to every other member after the link's latency; a read is served by the
/// member called. `replication` says how many members must have a write before the client
/// hears "ok": none (async), one (semi-sync), all reachable (sync) or a majority (quorum).
///
/// An outside failover manager (RDS's control plane, Patroni) watches the members: when the
/// side it sits on — the majority of members, or on a tie the side with the primary — has
/// lost its primary (crash, or cut off by a partition), it waits the detection time, then
/// promotes the most up-to-date replica there, which takes the promotion time. RTO is the
/// time from the failure to the promotion; with async replication the writes the old
/// primary acknowledged but never shipped are lost (RPO). Under a partition a `CP` group
/// refuses reads and writes on the side without the manager; an `AP` group keeps serving
/// them, so the sides diverge, and reconciles by last-write-wins when the partition heals.
///
/// Every member keeps a version per key (time and origin of the write it holds), so stale
/// reads (older than the newest acknowledged write) and lost writes (an acknowledged write
/// replaced by a concurrent one that never saw it) are counted, not estimated.
class ReplicationGroup {
public:
    enum class Mode { Async, SemiSync, Sync, Quorum };
    struct Config {
        Mode mode = Mode::Async;
        bool cp = true;
        double detection = 10; ///< s from losing the primary to starting a promotion
        double promotion = 5;  ///< s a promotion takes
    };
    struct Member {
        sim::Index component = sim::kNone;
        bool primary = false;
    };
    /// `latencyLink(a, b)`: the link whose latency carries a's writes to b (members' order).
    ReplicationGroup(const Config& config, std::vector<Member> members,
                     std::vector<std::vector<sim::Index>> latencyLink);

    /// Where a call that reached member `at` is served: the member itself, or (writes, and
    /// anything sent to a crashed member) a primary; kNone when none can serve it, with the
    /// cause in `why`.
    sim::Index route(sim::Simulation& sim, sim::Index at, sim::Index frame, sim::Outcome* why);
    /// The member's own work on a write is done: apply it and replicate; answers the frame
    /// now or once enough members have it.
    void write(sim::Simulation& sim, sim::Index component, sim::Index frame);
    /// The member's own work on a read is done: counts it, and whether it was stale.
    void read(sim::Simulation& sim, sim::Index component, sim::Index frame);
    void onTimer(sim::Simulation& sim, sim::Index payload);
    /// A crash, restart, partition or heal touched the group: re-judged once at this instant.
    void faultsChanged(sim::Simulation& sim);

    /// metrics.json: members, primaries now, failovers with RTO/RPO, lost writes, stale reads.
    /// `windows`: every component's counters over the measured window.
    void report(const sim::Simulation& sim, const std::vector<metrics::CounterSnapshot>& windows,
                nlohmann::ordered_json& out) const;
    /// Per member: role, stale reads, lost writes, replication lag.
    void reportMember(sim::Index component, const metrics::CounterSnapshot& window,
                      nlohmann::ordered_json& out) const;
    bool isPrimary(sim::Index component) const;
    /// Replication lag of every write the member applied, from time 0: sum (ms) and count.
    std::pair<double, std::uint64_t> lagTotals(sim::Index component) const;

    struct Failover {
        double failedAt = 0, detectedAt = 0, promotedAt = 0;
        sim::Index oldPrimary = sim::kNone, newPrimary = sim::kNone;
        std::uint64_t lostWrites = 0;
        double lossWindow = 0; ///< failure time − the oldest lost write's time (s)
    };
    const std::vector<Failover>& failovers() const { return failovers_; }

private:
    struct Version {
        double time = -std::numeric_limits<double>::infinity();
        sim::Index origin = sim::kNone;
        double predecessor = -std::numeric_limits<double>::infinity(); ///< what it replaced
        bool acknowledged = false; ///< (at its origin) the client was told it succeeded
        bool newerThan(const Version& o) const {
            return time > o.time || (time == o.time && origin > o.origin && origin != sim::kNone);
        }
    };
    struct MemberState {
        Member member;
        std::uint64_t term = 0;
        bool down = false;
        bool rewindOnRestart = false; ///< demoted while down: drops what it alone had
        std::unordered_map<std::uint32_t, Version> data;
        std::uint64_t applied = 0;
        metrics::LatencyHistogram lag; ///< measured window
        double lagSumMs = 0;           ///< from time 0
        std::uint64_t lagCount = 0;
    };
    enum class MessageState : std::uint8_t { InFlight, Stalled, Done };
    struct Message {
        sim::Index from = 0, to = 0;
        std::uint32_t key = 0;
        Version version;
        sim::Index write = sim::kNone; ///< pending write waiting for this member's ack
        std::uint32_t writeGeneration = 0;
        MessageState state = MessageState::Done;
    };
    struct PendingWrite {
        sim::Index frame = sim::kNone;
        sim::Index origin = 0;
        std::uint32_t key = 0;
        int acksNeeded = 0;
        double written = 0; ///< its version's time
    };
    enum class Phase { None, Detecting, Promoting };
    enum TimerKind : std::uint32_t { Deliver = 0, Ack = 1, FailoverStep = 2, Rejudge = 3 };

    sim::Index memberOf(sim::Index component) const;
    bool up(const sim::Simulation& sim, sim::Index m) const;
    bool reachable(const sim::Simulation& sim, sim::Index a, sim::Index b) const;
    /// Whether a partition separates any two live members.
    bool cutOff(const sim::Simulation& sim) const;
    /// Members on the failover manager's side of any partition (empty if all are down).
    std::vector<bool> managerSide(const sim::Simulation& sim) const;
    sim::Index primaryReachableFrom(const sim::Simulation& sim, sim::Index caller,
                                    sim::Index m) const;
    void send(sim::Simulation& sim, sim::Index message);
    void drop(sim::Index message);
    void deliver(sim::Simulation& sim, sim::Index message);
    void ack(sim::Simulation& sim, sim::Index message);
    void acknowledge(sim::Simulation& sim, const PendingWrite& w);
    void rejudge(sim::Simulation& sim);
    void failoverStep(sim::Simulation& sim);
    void promote(sim::Simulation& sim, sim::Index candidate);
    void schedule(sim::Simulation& sim, double delay, TimerKind kind, sim::Index id);
    double lag(sim::Simulation& sim, sim::Index from, sim::Index to);
    bool singlePrimary() const { return configuredPrimaries_ == 1; }

    Config config_;
    std::vector<MemberState> members_;
    std::vector<std::vector<sim::Index>> latencyLink_;
    int configuredPrimaries_ = 0;
    std::uint64_t maxTerm_ = 0;
    sim::SlotPool<Message> messages_;
    sim::SlotPool<PendingWrite> writes_;
    std::vector<sim::Index> pendingWrites_; ///< ids in writes_ still waiting
    std::unordered_map<std::uint32_t, double>
        latestAcked_; ///< per key: the newest acknowledged write's time
    bool rejudgeScheduled_ = false;
    Phase phase_ = Phase::None;
    std::uint32_t phaseToken_ = 0;
    sim::Index lostPrimary_ = sim::kNone, candidate_ = sim::kNone;
    double failedAt_ = 0, detectedAt_ = 0;
    std::vector<Failover> failovers_;
};

} // namespace sdlab::components
