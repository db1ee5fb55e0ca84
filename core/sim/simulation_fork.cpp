// Branch frames for parallel fan-outs. Kept out of simulation.cpp: a third caller of the
// inline acquireFrame() there tips the compiler into calling it out of line on every hop.
#include "simulation.h"

namespace sdlab::sim {

Index Simulation::fork(Index f) {
    const Index b = acquireFrame(frames_[f].request);
    const Frame& owner = frames_[f];
    Frame& branch = frames_[b];
    branch.component = owner.component;
    branch.parent = f;
    branch.arrived = now_;
    branch.depth = owner.depth; // a branch is no hop: the call it makes is the owner's
    branch.compensation = owner.compensation;
    branch.branch = true;
    if (tracing_ && traced(b)) trace_->alias(b, f); // its calls belong to the owner's span
    return b;
}

} // namespace sdlab::sim
