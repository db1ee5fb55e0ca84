#pragma once

#include "hash_ring.h"
#include "sim/random_stream.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab::policies {

enum class BalancingAlgorithm {
    RoundRobin,
    WeightedRoundRobin,
    LeastConnections,
    Random,
    PowerOfTwo,
    ConsistentHash
};
BalancingAlgorithm balancingFromName(std::string_view name);

/// Chooses a target for each request and tracks requests outstanding per target.
class Balancer {
public:
    struct Target {
        std::string name;
        double weight = 1;
    };
    Balancer(BalancingAlgorithm algorithm, std::vector<Target> targets, int virtualNodes);

    std::size_t choose(std::uint32_t key, sim::Rng& rng);
    void started(std::size_t target) { ++outstanding_[target]; }
    void finished(std::size_t target) { --outstanding_[target]; }
    std::size_t size() const { return targets_.size(); }
    const std::vector<Target>& targets() const { return targets_; }
    /// Health checks' verdict: unhealthy targets get no new requests (unless all are).
    void setHealthy(std::size_t target, bool healthy);
    bool isHealthy(std::size_t target) const { return healthy_[target]; }
    /// Outlier detection's verdict, from real traffic: ejected targets get no new requests.
    void setEjected(std::size_t target, bool ejected);
    bool isEjected(std::size_t target) const { return ejected_[target]; }
    /// A standby target is used only while no active one is eligible (active-passive).
    void setStandby(std::size_t target, bool standby);
    /// Targets that may get requests now.
    std::size_t eligibleCount() const { return eligible_.size(); }
    /// Requests sent to `target` and not answered yet.
    long outstanding(std::size_t target) const { return outstanding_[target]; }
    /// Round robin's next pick (the pointer a lesson talks about).
    std::size_t nextInTurn() const { return eligible_[next_ % eligible_.size()]; }
    BalancingAlgorithm algorithm() const { return algorithm_; }

private:
    std::size_t leastOutstanding() const;
    std::size_t smoothWeighted();
    bool isEligible(std::size_t t) const { return eligibleFlag_[t]; }
    void refreshEligible();

    BalancingAlgorithm algorithm_;
    std::vector<Target> targets_;
    std::vector<long> outstanding_;
    std::vector<double> credit_; ///< smooth weighted round robin's running credit
    std::size_t next_ = 0;
    std::vector<bool> healthy_, ejected_, standby_;
    std::vector<std::size_t> eligible_; ///< see refreshEligible()
    std::vector<bool> eligibleFlag_;
    std::unique_ptr<HashRing> ring_;
};

} // namespace sdlab::policies
