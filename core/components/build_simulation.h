#pragma once

#include "station.h"

#include "model/scenario.h"
#include "sim/simulation.h"

#include <memory>

namespace sdlab::components {

/// Builds a ready-to-start simulation from a checked scenario: one component per spec (same
/// order, so component index = position in the file) and one link per link spec.
std::unique_ptr<sim::Simulation> buildSimulation(const model::Scenario& scenario);

/// A checked duration parameter ({"dist": …, "mean_ms": …}) or plain ms, in seconds.
sim::Distribution durationFromJson(const model::Json& value);

/// A queueing station's settings from its parameters (named per type: workers/connections…).
Station::Config stationConfig(const model::Json& params, const char* workers, const char* readTime,
                              const char* writeTime);

/// The largest key space of the scenario's clients (stores index keys directly).
std::uint32_t keySpace(const model::Scenario& scenario);

} // namespace sdlab::components
