#pragma once

#include "mechanism_table.h"
#include "metrics/component_counters.h"
#include "model/scenario.h"
#include "sim/simulation.h"

#include <QStringList>
#include <vector>

namespace sdlab::widgets {

/// What one card shows during a run: the core's figures for the interval since the last
/// reading (utilisation, queue, cache hits) and its state now (faults, instances, role).
struct NodeFigures {
    enum class Role { None, Primary, Replica };
    double interval = 0;     ///< simulated seconds the interval figures cover
    int workers = 0;         ///< 0: no queued work, so no utilisation
    double utilisation = 0;  ///< busy workers over workers present
    double queue = 0;        ///< requests waiting, on average (message queues: backlog now)
    bool backlog = false;    ///< `queue` is a message queue's backlog
    int instances = -1;      ///< running instances of a service; -1: not a service
    int replicas = 0;        ///< instances it was configured with
    std::uint64_t reads = 0; ///< caches: look-ups in the interval
    double hitRatio = -1;    ///< caches: hits over look-ups in the interval; -1: none
    Role role = Role::None;  ///< replicated databases
    /// Replicas: mean replication lag (ms) of the writes applied since the last reading
    /// (the last such figure while none arrive); -1: not a replica, or none applied yet.
    double lagMs = -1;
    sim::FaultState faults;
    /// The mechanism's inner state, one line each, for the tooltip: a balancer's requests in
    /// flight per target and its round-robin pointer, a rate limiter's tokens, a cache's fill.
    QStringList mechanism;
    /// What takes a table: a cache's hottest keys, a message queue's partition offsets.
    std::vector<MechanismTable> tables;
};

/// Reads NodeFigures from a running simulation. Interval figures are differences of the
/// cumulative counters between two readings, exactly as the run's chart rows are computed.
class LiveFigures {
public:
    /// Forgets the previous reading (a new or restarted run).
    void reset() {
        last_.clear();
        lastLag_.clear();
    }
    /// Figures for every component, in the simulation's order. A reading at the same instant
    /// as the previous one (a repaint while paused) repeats the previous figures.
    const std::vector<NodeFigures>& read(const model::Scenario& scenario,
                                         const sim::Simulation& sim);

private:
    std::vector<metrics::CounterSnapshot> last_;
    std::vector<std::pair<double, std::uint64_t>> lastLag_; ///< lag totals at the last reading
    std::vector<NodeFigures> figures_;
};

} // namespace sdlab::widgets
