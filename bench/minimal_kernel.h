#pragma once

#include <cstdint>

namespace sdlab::bench {

/// The practical floor for simulating an M/M/1 queue: a binary heap of (time, kind) events
/// and exponential draws, nothing else. Returns the mean response time (s) so the work
/// cannot be optimised away.
double minimalMM1(std::uint64_t customers, double lambda, double mu, std::uint64_t seed);

} // namespace sdlab::bench
