#pragma once

#include "sim/component.h"
#include "sim/random_stream.h"

namespace sdlab::components {

/// The door every arriving call passes: a crashed component fails it at once, an error
/// fault fails a share of them. Returns true if it answered (the caller must stop there).
bool failFaulty(sim::Simulation& sim, sim::Component& component, sim::Index frame, sim::Rng& rng);

/// Inline so that the common case, no fault at all, costs two comparisons per call.
inline bool failIfFaulty(sim::Simulation& sim, sim::Component& component, sim::Index frame,
                         sim::Rng& rng) {
    return (component.faults.down || component.faults.errorRate > 0) &&
           failFaulty(sim, component, frame, rng);
}

} // namespace sdlab::components
