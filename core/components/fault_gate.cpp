#include "fault_gate.h"

#include "sim/simulation.h"

#include <boost/random/uniform_01.hpp>

namespace sdlab::components {

bool failFaulty(sim::Simulation& sim, sim::Component& component, sim::Index frame, sim::Rng& rng) {
    const sim::FaultState& f = component.faults;
    if (f.down) {
        sim.respond(frame, false, sim::Outcome::Crashed);
        return true;
    }
    // Draw only under an error fault, so that runs without faults keep their random streams.
    if (f.errorRate > 0 && boost::random::uniform_01<double>()(rng) < f.errorRate) {
        sim.respond(frame, false, sim::Outcome::Injected);
        return true;
    }
    return false;
}

} // namespace sdlab::components
