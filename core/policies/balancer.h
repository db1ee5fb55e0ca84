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

private:
    std::size_t leastOutstanding() const;
    std::size_t smoothWeighted();
    bool isEligible(std::size_t t) const {
        return healthy_[t] || eligible_.size() == targets_.size();
    }

    BalancingAlgorithm algorithm_;
    std::vector<Target> targets_;
    std::vector<long> outstanding_;
    std::vector<double> credit_; ///< smooth weighted round robin's running credit
    std::size_t next_ = 0;
    std::vector<bool> healthy_;
    std::vector<std::size_t> eligible_; ///< healthy targets, or all when none is
    std::unique_ptr<HashRing> ring_;
};

} // namespace sdlab::policies
