#pragma once

#include "metrics/component_counters.h"
#include "metrics/latency_histogram.h"
#include "request.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace sdlab::sim {

class Simulation;

/// What faults currently do to a component (set by the simulation's fault schedule).
struct FaultState {
    bool down = false;     ///< crashed: every call fails at once
    int crashes = 0;       ///< crash faults in force (they may overlap: a crash in an outage)
    double slowFactor = 1; ///< own work takes this many times longer
    double errorRate = 0;  ///< fraction of calls failed on arrival
};

/// One box of the architecture. The simulation calls these hooks when events reach it; a
/// hook that hands the request on (Simulation::call / respond) must do so as its last act,
/// since a zero-latency hop runs the next component's hook straight away.
class Component {
public:
    Component(std::string id, Index index)
        : id_(std::move(id))
        , index_(index) {}
    virtual ~Component() = default;
    Component(const Component&) = delete;
    Component& operator=(const Component&) = delete;

    virtual void start(Simulation&) {}
    /// A request arrived over a link (frame.arrived is now).
    virtual void onArrive(Simulation& sim, Index frame) = 0;
    /// The component's own work on `frame` (scheduled by itself) is done.
    virtual void onServiceDone(Simulation&, Index) {}
    /// The downstream call made for `frame` has answered.
    virtual void onResponse(Simulation& sim, Index frame, bool ok) = 0;
    virtual void onTimer(Simulation&, Index) {}
    /// A cache flush fault: drop everything held (caches override it).
    virtual void flush(Simulation&) {}
    /// A fault on this component started or ended, or a partition anywhere did.
    virtual void onFaultsChanged(Simulation&) {}
    /// A crash fault on one instance (0-based) begins or ends; components without instances
    /// ignore it.
    virtual void setInstanceDown(int /*instance*/, bool /*down*/) {}
    /// A consumer-stop fault begins or ends for these consumer groups (named by the component
    /// each consumes for; empty: all of them). Components without consumers ignore it.
    virtual void stopConsumers(Simulation&, const std::vector<Index>& /*groups*/,
                               bool /*stopped*/) {}

    /// Parallel servers (for utilisation); 0 for components that do no queued work.
    virtual int workers() const { return 0; }
    /// Adds type-specific figures (e.g. a cache's hit ratio) to this component's report.
    virtual void reportExtra(nlohmann::ordered_json&, const metrics::CounterSnapshot&) const {}
    /// Type-specific running totals from time 0 (a saga's outcomes), charted per interval as
    /// columns `<id>.<name>`: their names, and their values in the same order.
    virtual std::vector<std::string> seriesNames() const { return {}; }
    virtual std::vector<std::uint64_t> seriesTotals() const { return {}; }
    /// Type-specific levels (a queue's backlog), charted as they stand at the end of each
    /// interval as columns `<id>.<name>`: their names, and their values in the same order.
    virtual std::vector<std::string> gaugeNames() const { return {}; }
    virtual std::vector<double> gauges() const { return {}; }

    const std::string& id() const { return id_; }
    Index index() const { return index_; }
    const std::vector<Index>& outLinks() const { return outLinks_; }
    void addOutLink(Index link) { outLinks_.push_back(link); }

    FaultState faults;
    metrics::ComponentCounters counters;
    metrics::LatencyHistogram latency; ///< time spent here (queue + own work), measured window

private:
    std::string id_;
    Index index_;
    std::vector<Index> outLinks_;
};

} // namespace sdlab::sim
