#include "saga.h"

#include "fault_gate.h"

#include "sim/simulation.h"

#include <nlohmann/json.hpp>

namespace sdlab::components {

Saga::Saga(std::string id, sim::Index index, const Config& config, sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng)) {}

void Saga::onArrive(sim::Simulation& sim, sim::Index frame) {
    ++counters.arrivals;
    if (failIfFaulty(sim, *this, frame, rng_)) return;
    counters.inside.add(1, sim.now());
    const sim::Index r = runs_.acquire();
    Run& run = runs_[r];
    sim::Frame& f = sim.frame(frame);
    f.step = r;
    // Undoing a saga that was a step of another one means undoing all of its steps.
    run.undoOnly = run.undoing = f.compensation;
    if (run.undoOnly) {
        run.step = std::uint32_t(outLinks().size());
    } else {
        ++total_.started;
        if (sim.measuring()) ++window_.started;
    }
    proceed(sim, frame);
}

void Saga::proceed(sim::Simulation& sim, sim::Index frame) {
    const Run& run = runs_[sim.frame(frame).step];
    if (run.undoing ? run.step > 0 : run.step < outLinks().size())
        work(sim, frame);
    else
        end(sim, frame, run.undoing ? Ending::Compensated : Ending::Committed);
}

void Saga::work(sim::Simulation& sim, sim::Index frame) {
    sim.schedule(config_.stepTime.sample(rng_) * faults.slowFactor, sim::EventKind::ServiceDone,
                 index(), frame);
}

void Saga::onServiceDone(sim::Simulation& sim, sim::Index frame) {
    const Run& run = runs_[sim.frame(frame).step];
    sim.frame(frame).compensation = run.undoing;
    sim.frame(frame).callTimedOut = false;
    sim.call(frame, outLinks()[run.undoing ? run.step - 1 : run.step]);
}

void Saga::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    Run& run = runs_[sim.frame(frame).step];
    if (!run.undoing) {
        if (ok)
            ++run.step;
        else
            failStep(sim, frame, run);
        proceed(sim, frame);
        return;
    }
    if (ok) {
        --run.step;
        run.tries = 0;
        proceed(sim, frame);
        return;
    }
    if (++run.tries < config_.compensationAttempts) {
        sim.schedule(config_.compensationBackoff, sim::EventKind::Timer, index(), frame);
        return;
    }
    // Stop here: earlier steps are undone in reverse order because their compensations may
    // rely on this one having happened first.
    end(sim, frame, Ending::Stuck);
}

void Saga::failStep(sim::Simulation& sim, sim::Index frame, Run& run) {
    const sim::Frame& f = sim.frame(frame);
    run.cause = f.lastOutcome;
    run.undoing = true;
    run.tries = 0;
    // run.step steps are done; the failed one may have happened too if a call to it timed out.
    const bool undoFailed = config_.undoFailedStep == UndoFailedStep::Always ||
                            (config_.undoFailedStep == UndoFailedStep::OnTimeout && f.callTimedOut);
    if (undoFailed) ++run.step;
}

void Saga::onTimer(sim::Simulation& sim, sim::Index frame) {
    work(sim, frame);
}

void Saga::count(SagaCounts& counts, Ending ending) {
    ++(ending == Ending::Committed ? counts.committed
       : ending == Ending::Stuck   ? counts.stuck
                                   : counts.compensated);
}

void Saga::end(sim::Simulation& sim, sim::Index frame, Ending ending) {
    const Run run = runs_[sim.frame(frame).step];
    runs_.release(sim.frame(frame).step);
    counters.inside.add(-1, sim.now());
    ++counters.completed;
    if (sim.measuring()) latency.record((sim.now() - sim.frame(frame).arrived) * 1000.0);
    if (!run.undoOnly) {
        count(total_, ending);
        if (sim.measuring()) count(window_, ending);
    }
    if (ending == Ending::Committed || (run.undoOnly && ending == Ending::Compensated))
        sim.respond(frame, true);
    else // the client hears why the saga failed: its failing step's first cause
        sim.respond(frame, false, run.undoOnly ? sim::Outcome::Inherited : run.cause);
}

void Saga::reportExtra(nlohmann::ordered_json& out, const metrics::CounterSnapshot&) const {
    out["sagas"] = {{"started", window_.started},
                    {"committed", window_.committed},
                    {"compensated", window_.compensated},
                    {"stuck", window_.stuck},
                    {"in_progress", total_.started - total_.ended()}};
}

std::vector<std::string> Saga::seriesNames() const {
    return {"sagas_committed", "sagas_compensated", "sagas_stuck"};
}

std::vector<std::uint64_t> Saga::seriesTotals() const {
    return {total_.committed, total_.compensated, total_.stuck};
}

} // namespace sdlab::components
