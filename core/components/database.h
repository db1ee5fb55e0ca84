#pragma once

#include "replication_group.h"
#include "station.h"

#include <memory>

namespace sdlab::components {

/// A database server: a connection pool in front of a FIFO queue, with different times for
/// reads and writes. On its own it behaves as a Service; linked to other databases it is a
/// member of a replication group, which decides where each call is served and when a write
/// is acknowledged.
class Database final : public Station {
public:
    using Station::Station;
    void joinGroup(std::shared_ptr<ReplicationGroup> group) { group_ = std::move(group); }
    const ReplicationGroup* group() const { return group_.get(); }

    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void onTimer(sim::Simulation& sim, sim::Index payload) override;
    void onFaultsChanged(sim::Simulation& sim) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    /// Per interval: each shard's arrivals (sharded), the mean replication lag (replicated).
    std::vector<std::string> seriesNames() const override;
    std::vector<std::uint64_t> seriesTotals() const override;
    std::vector<std::string> gaugeNames() const override;
    std::vector<double> gauges() const override;

private:
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
    std::shared_ptr<ReplicationGroup> group_;
    /// The lag totals at the last chart row, so that the gauge is the interval's mean.
    mutable double lagSumAtSample_ = 0;
    mutable std::uint64_t lagCountAtSample_ = 0;
};

} // namespace sdlab::components
