#pragma once

#include <boost/random/mersenne_twister.hpp>
#include <cstdint>
#include <string_view>

namespace sdlab::sim {

using Rng = boost::random::mt19937_64;

/// Seeds an independent stream for one named part of the model (a component, a link) from the
/// scenario seed and that part's id. Streams depend only on (seed, id), so adding a component
/// never changes another component's draws.
Rng makeStream(std::uint64_t scenarioSeed, std::string_view streamId);

/// A well-mixed 64-bit hash (SplitMix64 finaliser); used for keys on hash rings too.
std::uint64_t mix64(std::uint64_t x);

/// FNV-1a over the bytes of a string, then mixed.
std::uint64_t hashString(std::string_view s);

} // namespace sdlab::sim
