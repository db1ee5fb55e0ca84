#pragma once

#include "metrics/component_counters.h"
#include "metrics/latency_histogram.h"
#include "model/scenario.h"
#include "sim/simulation.h"

#include <array>
#include <string>
#include <vector>

namespace sdlab::components {
class Client;
class ReplicationGroup;
} // namespace sdlab::components

namespace sdlab::run {

/// Turns a running simulation's cumulative counters into what people read: one row of
/// figures per interval for charts, and the measured-window report (metrics.json).
class RunRecorder {
public:
    RunRecorder(const model::Scenario& scenario, sim::Simulation& simulation);

    std::vector<std::string> columns() const;
    /// Figures for the interval since the previous sample, at the simulation's current time.
    std::vector<double> sample();
    /// Called once at the end of warm-up: the report counts only what happens after it.
    void beginMeasurement();
    /// The measured window's figures (see README, "metrics.json").
    model::Json report() const;

private:
    struct Totals {
        metrics::CounterSnapshot counters;
        metrics::LatencyHistogram latency;
    };
    Totals endToEnd() const;
    /// "FROM->TO", as breakers are named in reports.
    std::string linkName(std::size_t link) const;
    /// A link's counters at the end of warm-up: calls, first calls, timeouts,
    /// retransmissions, fallbacks (zeros before it).
    std::array<std::uint64_t, 5> linkAtWarmup(std::size_t link) const;
    /// metrics.json's `fault_events`: each fault's start and end, in time order.
    model::Json faultEvents() const;
    /// The group a replicated database belongs to, else null.
    const components::ReplicationGroup* replicationGroup(sim::Index component) const;

    const model::Scenario& scenario_;
    sim::Simulation& sim_;
    std::vector<components::Client*> clients_;
    std::vector<metrics::CounterSnapshot> atWarmup_;
    std::vector<metrics::CounterSnapshot> atLastSample_;
    std::vector<std::vector<std::uint64_t>> seriesAtLastSample_; ///< Component::seriesTotals
    std::uint64_t retriesAtWarmup_ = 0;
    std::vector<std::array<std::uint64_t, 5>> linksAtWarmup_;
    std::uint64_t wastedAtWarmup_ = 0;
};

} // namespace sdlab::run
