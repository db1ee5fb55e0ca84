#include "database.h"

#include "sim/simulation.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace sdlab::components {

void Database::onArrive(sim::Simulation& sim, sim::Index frame) {
    if (!group_) {
        Station::onArrive(sim, frame);
        return;
    }
    sim::Outcome why = sim::Outcome::Crashed;
    const sim::Index at = group_->route(sim, index(), frame, &why);
    if (at == sim::kNone) {
        ++counters.arrivals;
        sim.respond(frame, false, why);
        return;
    }
    if (at == index()) {
        Station::onArrive(sim, frame);
        return;
    }
    sim.frame(frame).component = at; // served by the primary; the answer goes back as it came
    static_cast<Database&>(sim.component(at)).Station::onArrive(sim, frame);
}

void Database::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    if (!group_) {
        callNextOrRespond(sim, frame, true);
        return;
    }
    if (sim.writes(frame)) {
        group_->write(sim, index(), frame);
        return;
    }
    group_->read(sim, index(), frame);
    sim.respond(frame, true);
}

void Database::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    callNextOrRespond(sim, frame, ok);
}

void Database::onTimer(sim::Simulation& sim, sim::Index payload) {
    if (group_) // a replicated database runs one instance: every timer is its group's
        group_->onTimer(sim, payload);
    else
        Station::onTimer(sim, payload);
}

void Database::onFaultsChanged(sim::Simulation& sim) {
    Station::onFaultsChanged(sim);
    if (group_) group_->faultsChanged(sim);
}

void Database::reportExtra(nlohmann::ordered_json& out,
                           const metrics::CounterSnapshot& window) const {
    if (group_) group_->reportMember(index(), window, out);
    if (shardRouter()) {
        const auto& arrivals = shardArrivals();
        std::uint64_t total = 0, busiest = 0;
        for (auto a : arrivals) {
            total += a;
            busiest = std::max(busiest, a);
        }
        const double mean = double(total) / double(arrivals.size());
        out["shards"] = {{"count", arrivals.size()},
                         {"arrivals", arrivals},
                         {"hottest_share", total ? double(busiest) / double(total) : 0.0},
                         {"skew", mean > 0 ? double(busiest) / mean : 0.0}};
    }
}

std::vector<std::string> Database::seriesNames() const {
    std::vector<std::string> names;
    for (std::size_t s = 0; s < shardArrivalsTotal().size(); ++s)
        names.push_back("shard" + std::to_string(s) + ".arrivals");
    return names;
}

std::vector<std::uint64_t> Database::seriesTotals() const {
    return shardArrivalsTotal();
}

std::vector<std::string> Database::gaugeNames() const {
    if (!group_) return {};
    return {"replication_lag_ms"};
}

std::vector<double> Database::gauges() const {
    if (!group_) return {};
    const auto [sum, count] = group_->lagTotals(index());
    const double mean = count > lagCountAtSample_
                            ? (sum - lagSumAtSample_) / double(count - lagCountAtSample_)
                            : 0.0;
    lagSumAtSample_ = sum;
    lagCountAtSample_ = count;
    return {mean};
}

} // namespace sdlab::components
