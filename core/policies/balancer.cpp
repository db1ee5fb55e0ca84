#include "balancer.h"

#include <boost/random/uniform_int_distribution.hpp>
#include <stdexcept>

namespace sdlab::policies {

BalancingAlgorithm balancingFromName(std::string_view name) {
    if (name == "round_robin") return BalancingAlgorithm::RoundRobin;
    if (name == "weighted_round_robin") return BalancingAlgorithm::WeightedRoundRobin;
    if (name == "least_connections") return BalancingAlgorithm::LeastConnections;
    if (name == "random") return BalancingAlgorithm::Random;
    if (name == "power_of_two") return BalancingAlgorithm::PowerOfTwo;
    if (name == "consistent_hash") return BalancingAlgorithm::ConsistentHash;
    throw std::invalid_argument("unknown load-balancing algorithm '" + std::string(name) + "'");
}

Balancer::Balancer(BalancingAlgorithm algorithm, std::vector<Target> targets, int virtualNodes)
    : algorithm_(algorithm)
    , targets_(std::move(targets))
    , outstanding_(targets_.size(), 0)
    , credit_(targets_.size(), 0.0) {
    if (algorithm_ == BalancingAlgorithm::ConsistentHash) {
        std::vector<std::string> names;
        for (const auto& t : targets_)
            names.push_back(t.name);
        ring_ = std::make_unique<HashRing>(names, virtualNodes);
    }
}

std::size_t Balancer::leastOutstanding() const {
    // Ties go to the earliest target after the last pick, so equal loads still rotate.
    std::size_t best = next_ % targets_.size();
    for (std::size_t i = 1; i < targets_.size(); ++i) {
        const std::size_t c = (next_ + i) % targets_.size();
        if (outstanding_[c] < outstanding_[best]) best = c;
    }
    return best;
}

std::size_t Balancer::smoothWeighted() {
    // nginx's smooth weighted round robin: picks in proportion to weight, interleaved.
    double total = 0;
    std::size_t best = 0;
    for (std::size_t i = 0; i < targets_.size(); ++i) {
        credit_[i] += targets_[i].weight;
        total += targets_[i].weight;
        if (credit_[i] > credit_[best]) best = i;
    }
    credit_[best] -= total;
    return best;
}

std::size_t Balancer::choose(std::uint32_t key, sim::Rng& rng) {
    const std::size_t n = targets_.size();
    auto uniform = [&](std::size_t hi) {
        return boost::random::uniform_int_distribution<std::size_t>(0, hi)(rng);
    };
    switch (algorithm_) {
    case BalancingAlgorithm::RoundRobin:
        return next_++ % n;
    case BalancingAlgorithm::WeightedRoundRobin:
        return smoothWeighted();
    case BalancingAlgorithm::LeastConnections: {
        const std::size_t pick = leastOutstanding();
        next_ = pick + 1;
        return pick;
    }
    case BalancingAlgorithm::Random:
        return uniform(n - 1);
    case BalancingAlgorithm::PowerOfTwo: {
        if (n == 1) return 0;
        const std::size_t a = uniform(n - 1);
        std::size_t b = uniform(n - 2);
        if (b >= a) ++b; // two distinct choices
        return outstanding_[b] < outstanding_[a] ? b : a;
    }
    case BalancingAlgorithm::ConsistentHash:
        return ring_->targetFor(key);
    }
    return 0;
}

} // namespace sdlab::policies
