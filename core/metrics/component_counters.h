#pragma once

#include "time_average.h"

#include <array>
#include <cstdint>

namespace sdlab::metrics {

/// Indexed by sim::Outcome (Ok is unused).
inline constexpr int kFailureCauses = 10;

/// A reading of a component's cumulative counters at one instant. Any window's figures (the
/// measured run after warm-up, one chart interval) are the difference of two readings.
struct CounterSnapshot {
    double time = 0;
    std::uint64_t arrivals = 0;
    std::uint64_t completed = 0;
    std::uint64_t rejected = 0;
    std::uint64_t failed = 0;
    std::uint64_t reads = 0;
    std::uint64_t readHits = 0;
    std::uint64_t staleReads = 0;
    std::uint64_t lostWrites = 0;
    double busyArea = 0;        ///< ∫ busy workers dt
    double queueArea = 0;       ///< ∫ requests waiting dt
    double inFlightArea = 0;    ///< ∫ requests inside (waiting + in service) dt
    double extraWorkerArea = 0; ///< ∫ (workers present − the component's workers()) dt
    std::array<std::uint64_t, kFailureCauses> failedBy{}; ///< failures by sim::Outcome

    CounterSnapshot operator-(const CounterSnapshot& earlier) const;
};

/// Cumulative counters every component keeps from time 0.
struct ComponentCounters {
    std::uint64_t arrivals = 0;   ///< requests that reached the component
    std::uint64_t completed = 0;  ///< requests whose local work finished
    std::uint64_t rejected = 0;   ///< requests turned away (queue full)
    std::uint64_t failed = 0;     ///< requests answered with an error (for clients: end to end)
    std::uint64_t reads = 0;      ///< reads served (caches: looked up)
    std::uint64_t readHits = 0;   ///< (caches) of which hits
    std::uint64_t staleReads = 0; ///< (replicated databases) reads older than an acked write
    std::uint64_t lostWrites = 0; ///< (replicated databases) acked writes of its later lost
    TimeIntegral busy;            ///< workers busy
    TimeIntegral queued;          ///< requests waiting for a worker
    TimeIntegral inside;          ///< requests waiting or in service
    /// Workers present beyond the starting ones (instances launched or retired since): 0 for
    /// a fixed size, so its utilisation is computed exactly as it always was.
    TimeIntegral extraWorkers;
    std::array<std::uint64_t, kFailureCauses> failedBy{}; ///< (clients) failures by cause

    CounterSnapshot snapshot(double now) const;
};

/// Busy workers over workers present in a window (the difference of two snapshots), the
/// instances launched and retired included; 0 for a component without `workers`.
double utilization(const CounterSnapshot& window, int workers);

} // namespace sdlab::metrics
