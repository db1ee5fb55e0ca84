// Reference cache hit-ratio formulas under the Independent Reference Model (header-only).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <vector>

namespace sdlab::theory {

namespace detail {

// Per-object hit probability of a reset TTL (LRU, Che): 1 - e^{-x}, x = p_k t.
inline double resetTtlHit(double x) {
    return -std::expm1(-x);
}
// Per-object hit probability of a non-reset TTL (FIFO/RANDOM, TTL): x / (1 + x), x = p_k t.
inline double nonResetTtlHit(double x) {
    return std::isinf(x) ? 1.0 : x / (1.0 + x);
}

// Sum_k w_k h(p_k t) over objects with p_k > 0 (w = p gives a hit ratio, w = 1 an occupancy).
inline double sumHits(const std::vector<double>& p, double t, double (*h)(double), bool weighted) {
    double sum = 0.0;
    for (double pk : p)
        if (pk > 0.0) sum += (weighted ? pk : 1.0) * h(pk * t);
    return sum;
}

// Characteristic time t with Sum_k h(p_k t) = C (bracketing + bisection); infinity if C
// reaches the number of requestable objects (occupancy grows to it only as t -> infinity).
inline double solveCharacteristicTime(const std::vector<double>& p, std::size_t C,
                                      double (*h)(double)) {
    const auto positive = std::count_if(p.begin(), p.end(), [](double pk) { return pk > 0.0; });
    if (C >= static_cast<std::size_t>(positive)) return std::numeric_limits<double>::infinity();
    const double target = static_cast<double>(C);
    const auto occupancy = [&](double t) { return sumHits(p, t, h, false); };
    double lo = 0.0, hi = std::max(target, 1.0);
    while (occupancy(hi) < target) {
        lo = hi;
        hi *= 2.0;
    }
    while (hi - lo > 1e-12 * hi) {
        const double mid = 0.5 * (lo + hi);
        (occupancy(mid) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace detail

// Zipf popularity p_k = k^{-s} / Sum_j j^{-s}, k = 1..n (s = 0 is uniform).
inline std::vector<double> zipfPopularity(std::size_t n, double s) {
    std::vector<double> p(n);
    for (std::size_t k = 1; k <= n; ++k)
        p[k - 1] = std::pow(static_cast<double>(k), -s);
    const double sum = std::accumulate(p.rbegin(), p.rend(), 0.0); // smallest terms first
    for (double& pk : p)
        pk /= sum;
    return p;
}

// Che approximation characteristic time (in requests): Sum_k (1 - e^{-p_k t}) = C.
inline double cheCharacteristicTime(const std::vector<double>& p, std::size_t C) {
    return detail::solveCharacteristicTime(p, C, detail::resetTtlHit);
}

// LRU hit ratio by the Che approximation: Sum_k p_k (1 - e^{-p_k t_C}).
inline double lruHitRatioChe(const std::vector<double>& p, std::size_t C) {
    return detail::sumHits(p, cheCharacteristicTime(p, C), detail::resetTtlHit, true);
}

// Non-reset TTL cache under Poisson requests: Sum_k p_k h_k, h_k = l_k T / (1 + l_k T),
// l_k = p_k totalRate.
inline double ttlHitRatio(const std::vector<double>& p, double totalRate, double ttl) {
    return detail::sumHits(p, totalRate * ttl, detail::nonResetTtlHit, true);
}

// FIFO/RANDOM hit ratio under IRM (Dan & Towsley; Martina et al. 2014): non-reset TTL with
// t solving Sum_k p_k t / (1 + p_k t) = C.
inline double fifoHitRatioIrm(const std::vector<double>& p, std::size_t C) {
    return ttlHitRatio(p, 1.0, detail::solveCharacteristicTime(p, C, detail::nonResetTtlHit));
}

// Static optimal (ideal LFU) hit ratio: sum of the C largest p_k.
inline double topCHitRatio(const std::vector<double>& p, std::size_t C) {
    std::vector<double> sorted(p);
    const auto mid = sorted.begin() + static_cast<std::ptrdiff_t>(std::min(C, p.size()));
    std::partial_sort(sorted.begin(), mid, sorted.end(), std::greater<>());
    return std::accumulate(sorted.begin(), mid, 0.0);
}

} // namespace sdlab::theory
