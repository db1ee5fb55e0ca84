#pragma once

#include "policies/balancer.h"
#include "sim/component.h"

#include <memory>

namespace sdlab::components {

/// Forwards each request to one of its downstream links, chosen by the balancing algorithm.
/// It does no queued work of its own; the links carry the network delay.
class LoadBalancer final : public sim::Component {
public:
    struct Config {
        policies::BalancingAlgorithm algorithm = policies::BalancingAlgorithm::RoundRobin;
        int virtualNodes = 100;
        double healthInterval = 0;     ///< seconds between health checks; 0: no checks
        int unhealthyThreshold = 3;    ///< failed checks in a row that take a target out
        int healthyThreshold = 2;      ///< passed checks in a row that bring it back
        int outlierErrors = 0;         ///< failed calls in a row that eject a target; 0: off
        double outlierEjection = 30;   ///< s out, times the number of ejections so far
        double maxEjectedPercent = 50; ///< of the targets, ejected at once at most
    };
    LoadBalancer(std::string id, sim::Index index, const Config& config, sim::Rng rng);

    void start(sim::Simulation& sim) override;
    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    /// Payload 0: a round of health checks, each target probed (up, and reachable from
    /// here). Payload t + 1: target t's ejection is over.
    void onTimer(sim::Simulation& sim, sim::Index payload) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    /// Its choices as they stand (null before the run starts).
    const policies::Balancer* balancer() const { return balancer_.get(); }

private:
    Config config_;
    sim::Rng rng_;
    std::unique_ptr<policies::Balancer> balancer_;
    std::vector<std::uint64_t> forwarded_; ///< per downstream link, measured window
    enum class Verdict { Healthy, Unhealthy, Ejected, Returned };
    struct Health {
        int failedInARow = 0, passedInARow = 0;
        int callsFailedInARow = 0; ///< of real traffic, for outlier detection
        int ejections = 0;
        std::vector<std::pair<double, Verdict>> changes;
    };
    void noteCallOutcome(sim::Simulation& sim, std::size_t target, bool ok);
    std::vector<Health> health_;
};

} // namespace sdlab::components
