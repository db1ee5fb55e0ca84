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
    , credit_(targets_.size(), 0.0)
    , healthy_(targets_.size(), true)
    , ejected_(targets_.size(), false)
    , standby_(targets_.size(), false) {
    refreshEligible();
    if (algorithm_ == BalancingAlgorithm::ConsistentHash) {
        std::vector<std::string> names;
        for (const auto& t : targets_)
            names.push_back(t.name);
        ring_ = std::make_unique<HashRing>(names, virtualNodes);
    }
}

std::size_t Balancer::leastOutstanding() const {
    // Ties go to the earliest target after the last pick, so equal loads still rotate.
    const std::size_t m = eligible_.size();
    std::size_t best = next_ % m;
    for (std::size_t i = 1; i < m; ++i) {
        const std::size_t c = (next_ + i) % m;
        if (outstanding_[eligible_[c]] < outstanding_[eligible_[best]]) best = c;
    }
    return best;
}

std::size_t Balancer::smoothWeighted() {
    // nginx's smooth weighted round robin: picks in proportion to weight, interleaved.
    double total = 0;
    std::size_t best = eligible_.front();
    for (std::size_t i : eligible_) {
        credit_[i] += targets_[i].weight;
        total += targets_[i].weight;
        if (credit_[i] > credit_[best]) best = i;
    }
    credit_[best] -= total;
    return best;
}

void Balancer::setHealthy(std::size_t target, bool healthy) {
    healthy_[target] = healthy;
    refreshEligible();
}

void Balancer::setEjected(std::size_t target, bool ejected) {
    ejected_[target] = ejected;
    refreshEligible();
}

void Balancer::setStandby(std::size_t target, bool standby) {
    standby_[target] = standby;
    refreshEligible();
}

void Balancer::refreshEligible() {
    // Active targets in good standing; failing that the standbys in good standing; failing
    // that every target (fail open: better to try than to refuse everything).
    auto pick = [&](auto&& accept) {
        eligible_.clear();
        for (std::size_t i = 0; i < targets_.size(); ++i)
            if (accept(i)) eligible_.push_back(i);
        return !eligible_.empty();
    };
    const auto good = [&](std::size_t i) { return healthy_[i] && !ejected_[i]; };
    if (!pick([&](std::size_t i) { return good(i) && !standby_[i]; }) && !pick(good))
        pick([](std::size_t) { return true; });
    eligibleFlag_.assign(targets_.size(), false);
    for (std::size_t i : eligible_)
        eligibleFlag_[i] = true;
}

std::size_t Balancer::choose(std::uint32_t key, sim::Rng& rng) {
    // Algorithms pick among the eligible (healthy) targets; with all of them healthy this is
    // the identity, so health checking changes nothing until a target fails.
    const std::size_t m = eligible_.size();
    auto uniform = [&](std::size_t hi) {
        return boost::random::uniform_int_distribution<std::size_t>(0, hi)(rng);
    };
    switch (algorithm_) {
    case BalancingAlgorithm::RoundRobin:
        return eligible_[next_++ % m];
    case BalancingAlgorithm::WeightedRoundRobin:
        return smoothWeighted();
    case BalancingAlgorithm::LeastConnections: {
        const std::size_t pick = leastOutstanding();
        next_ = pick + 1;
        return eligible_[pick];
    }
    case BalancingAlgorithm::Random:
        return eligible_[uniform(m - 1)];
    case BalancingAlgorithm::PowerOfTwo: {
        if (m == 1) return eligible_[0];
        const std::size_t ai = uniform(m - 1);
        std::size_t bi = uniform(m - 2);
        if (bi >= ai) ++bi; // two distinct choices
        const std::size_t a = eligible_[ai], b = eligible_[bi];
        return outstanding_[b] < outstanding_[a] ? b : a;
    }
    case BalancingAlgorithm::ConsistentHash:
        return ring_->targetFor(key, [this](std::size_t t) { return isEligible(t); });
    }
    return eligible_[0];
}

} // namespace sdlab::policies
