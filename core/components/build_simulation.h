#pragma once

#include "model/scenario.h"
#include "sim/simulation.h"

#include <memory>

namespace sdlab::components {

/// Builds a ready-to-start simulation from a checked scenario: one component per spec (same
/// order, so component index = position in the file) and one link per link spec.
std::unique_ptr<sim::Simulation> buildSimulation(const model::Scenario& scenario);

/// A checked duration parameter ({"dist": …, "mean_ms": …}) or plain ms, in seconds.
sim::Distribution durationFromJson(const model::Json& value);

} // namespace sdlab::components
