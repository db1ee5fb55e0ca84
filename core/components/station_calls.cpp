// Which downstream links a station calls for a request (routes by kind), one after another or
// as a parallel fan-out: one branch frame per call, all started at once, joined when the last
// one answers. (A station with neither takes callNextOrRespond's plain path in station.cpp.)
#include "station.h"

#include "sim/simulation.h"

namespace sdlab::components {

void Station::planCalls(const sim::Simulation& sim) {
    readCalls_.clear();
    writeCalls_.clear();
    routed_ = false;
    for (sim::Index l : outLinks()) {
        const sim::Link::Route route = sim.link(l).route;
        routed_ = routed_ || route != sim::Link::Route::All;
        if (route != sim::Link::Route::Writes) readCalls_.push_back(l);
        if (route != sim::Link::Route::Reads) writeCalls_.push_back(l);
    }
    shapedCalls_ = routed_ || config_.parallelCalls;
}

const std::vector<sim::Index>& Station::callsFor(const sim::Simulation& sim,
                                                 sim::Index frame) const {
    return sim.writes(frame) ? writeCalls_ : readCalls_; // a compensation takes the write path
}

void Station::callShaped(sim::Simulation& sim, sim::Index frame, bool ok) {
    if (advanceCalls(sim, frame, ok)) sim.respond(frame, ok);
}

bool Station::advanceCalls(sim::Simulation& sim, sim::Index& frame, bool& ok) {
    if (config_.parallelCalls) return fanOutOrJoin(sim, frame, ok);
    sim::Frame& f = sim.frame(frame);
    const std::vector<sim::Index>& links = routed_ ? callsFor(sim, frame) : outLinks();
    if (!ok || f.step >= links.size()) return true;
    sim.call(frame, links[f.step++]);
    return false;
}

bool Station::fanOutOrJoin(sim::Simulation& sim, sim::Index& frame, bool& ok) {
    if (!sim.frame(frame).branch) { // the request's own work is done: every call at once
        const std::vector<sim::Index>& links = routed_ ? callsFor(sim, frame) : outLinks();
        if (links.empty()) return true;
        // The owner counts the branches still out in `step` and keeps the first failure's
        // cause; it answers when the last branch has (a failure does not cut the others short).
        sim.frame(frame).step = std::uint32_t(links.size());
        sim.frame(frame).lastOutcome = sim::Outcome::Ok;
        // Frames are re-read by index: a call may grow the pool, or even be answered at once.
        for (sim::Index link : links)
            sim.call(sim.fork(frame), link);
        return false;
    }
    const sim::Index owner = sim.frame(frame).parent;
    const sim::Outcome cause = sim.frame(frame).lastOutcome;
    sim.endBranch(frame);
    sim::Frame& o = sim.frame(owner);
    if (!ok && o.lastOutcome == sim::Outcome::Ok) o.lastOutcome = cause;
    if (--o.step > 0) return false;
    frame = owner;
    ok = o.lastOutcome == sim::Outcome::Ok;
    return true;
}

} // namespace sdlab::components
