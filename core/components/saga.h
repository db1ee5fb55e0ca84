#pragma once

#include "sim/component.h"
#include "sim/distribution.h"
#include "sim/slot_pool.h"

namespace sdlab::components {

/// How a saga ended, counted from time 0 (or over a window, as a difference).
struct SagaCounts {
    std::uint64_t started = 0;
    std::uint64_t committed = 0; ///< every step succeeded
    std::uint64_t compensated =
        0;                   ///< a step failed and every step that may have happened is undone
    std::uint64_t stuck = 0; ///< a compensation kept failing: needs manual repair
    std::uint64_t ended() const { return committed + compensated + stuck; }
};

/// An orchestrated saga: each request is one distributed transaction whose steps are calls
/// over the downstream links, in link order (each with its link's timeout, retries and
/// breaker). When a step fails, the steps already done are undone by compensations, calls
/// over the same links marked as such, in reverse order; then the client gets the failing
/// step's error. A compensation that still fails after its tries leaves the saga stuck.
class Saga final : public sim::Component {
public:
    /// Whether the step that failed is compensated too.
    enum class UndoFailedStep {
        OnTimeout, ///< if a call to it timed out: it may have happened all the same
        Always,
        Never,
    };
    struct Config {
        sim::Distribution stepTime = sim::Distribution::deterministic(0.0005);
        int compensationAttempts = 3;
        double compensationBackoff = 0.1; ///< s
        UndoFailedStep undoFailedStep = UndoFailedStep::OnTimeout;
    };
    Saga(std::string id, sim::Index index, const Config& config, sim::Rng rng);

    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    /// The orchestrator's own work before a call is done: make the call.
    void onServiceDone(sim::Simulation& sim, sim::Index frame) override;
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    /// A failed compensation's backoff is over: try it again.
    void onTimer(sim::Simulation& sim, sim::Index frame) override;

    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    std::vector<std::string> seriesNames() const override;
    std::vector<std::uint64_t> seriesTotals() const override;

private:
    enum class Ending { Committed, Compensated, Stuck };
    /// One saga under way; its frame's `step` names it.
    struct Run {
        std::uint32_t step = 0; ///< forward: the step to call; undoing: steps left to undo
        bool undoing = false;
        bool undoOnly = false; ///< called as a compensation: undo every step, count nothing
        int tries = 0;         ///< of the current compensation
        sim::Outcome cause = sim::Outcome::Ok; ///< the failing step's
    };
    /// Starts the next step or compensation, or ends the saga.
    void proceed(sim::Simulation& sim, sim::Index frame);
    /// The orchestrator's own work (recording progress in its log) before its next call.
    void work(sim::Simulation& sim, sim::Index frame);
    void failStep(sim::Simulation& sim, sim::Index frame, Run& run);
    void end(sim::Simulation& sim, sim::Index frame, Ending ending);
    static void count(SagaCounts& counts, Ending ending);

    Config config_;
    sim::Rng rng_;
    sim::SlotPool<Run> runs_;
    SagaCounts total_;  ///< from time 0 (for the time series)
    SagaCounts window_; ///< in the measured window (after warm-up)
};

} // namespace sdlab::components
