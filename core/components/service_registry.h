#pragma once

#include "policies/balancer.h"
#include "sim/component.h"

#include <memory>

namespace sdlab::components {

/// Service discovery in the call path: its downstream links are the instances of one
/// service. Instances that are up send heartbeats every interval; one whose heartbeats stop
/// is deregistered a TTL after its last one, and one that comes back registers after a delay.
/// Callers pick among the instances of their cached list, refreshed every refresh interval,
/// so for a while after a crash they still call the dead instance: those calls are counted.
class ServiceRegistry final : public sim::Component {
public:
    struct Config {
        bool random = false; ///< else round robin
        double heartbeatInterval = 5, ttl = 15, refresh = 10, registrationDelay = 5;
    };
    ServiceRegistry(std::string id, sim::Index index, const Config& config, sim::Rng rng);

    void start(sim::Simulation& sim) override;
    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    /// Payload 0: a heartbeat round; 1: callers refresh their list; 2 + 2t: instance t's TTL
    /// may have run out; 3 + 2t: instance t's registration is due.
    void onTimer(sim::Simulation& sim, sim::Index payload) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    std::vector<std::string> seriesNames() const override { return {"calls_to_dead"}; }
    std::vector<std::uint64_t> seriesTotals() const override { return {deadCallsTotal_}; }

private:
    struct Instance {
        bool registered = true, registering = false;
        double lastHeartbeat = 0;
        std::uint64_t calls = 0, deadCalls = 0;       ///< measured window
        std::vector<std::pair<double, bool>> changes; ///< (time, registered) in the registry
    };
    void heartbeats(sim::Simulation& sim);
    void setRegistered(sim::Simulation& sim, std::size_t t, bool registered);
    void refreshView();

    Config config_;
    sim::Rng rng_;
    std::unique_ptr<policies::Balancer> view_; ///< healthy = in the callers' cached list
    std::vector<Instance> instances_;
    std::size_t visible_ = 0; ///< instances in the callers' list
    std::uint64_t deadCallsTotal_ = 0;
};

} // namespace sdlab::components
