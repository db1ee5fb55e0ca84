#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace sdlab::policies {

/// A circuit breaker with Resilience4j's semantics. CLOSED: outcomes go into a sliding
/// window (the last N calls, or the calls of the last N seconds in one-second buckets); once
/// it holds at least `minimumCalls` and the failure rate or the slow-call rate reaches its
/// threshold, the breaker OPENs. OPEN: calls are refused at once for `waitOpen` seconds,
/// then it goes HALF_OPEN: `halfOpenCalls` trial calls are let through and, when all have
/// ended, their failure/slow rates decide between CLOSED (window cleared) and OPEN again.
class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    struct Config {
        bool timeWindow = false; ///< false: count-based
        int window = 100;        ///< calls, or seconds
        int minimumCalls = 100;
        double failureRateThreshold = 0.5;
        double slowCallSeconds = 0; ///< 0: no slow-call rule
        double slowCallRateThreshold = 1.0;
        double waitOpen = 60; ///< seconds
        int halfOpenCalls = 10;
        /// A refused call answers with a degraded fallback (a default or cached value) as a
        /// success, instead of failing with `breaker_open`.
        bool fallback = false;
    };
    explicit CircuitBreaker(const Config& config);

    /// May a call start now? A refused call is not recorded.
    bool permit(double now);
    /// A permitted call ended.
    void record(bool failed, double seconds, double now);
    /// The end of the open wait (the simulation schedules it at openedAt() + waitOpen).
    void openWaitOver(double now);

    State state() const { return state_; }
    double openedAt() const { return openedAt_; }
    const Config& config() const { return config_; }
    /// Every change of state: (time, state), from time 0 (CLOSED) on.
    const std::vector<std::pair<double, State>>& transitions() const { return transitions_; }
    double timeOpen(double from, double to) const;
    /// What the sliding window holds at `now` (what the next verdict will weigh).
    struct WindowTally {
        int calls = 0, failures = 0, slow = 0;
    };
    WindowTally window(double now) const;

private:
    struct Tally {
        std::int64_t second = -1; ///< time windows: which second this bucket holds
        int calls = 0, failures = 0, slow = 0;
    };
    void enter(State s, double now);
    void clearWindow();
    bool tripped(int calls, int failures, int slow) const;

    Config config_;
    State state_ = State::Closed;
    double openedAt_ = 0;
    std::vector<Tally> window_; ///< count: one per call slot; time: one per second
    std::size_t next_ = 0;      ///< count windows: the oldest slot
    int trialsStarted_ = 0, trialsEnded_ = 0, trialFailures_ = 0, trialSlow_ = 0;
    std::vector<std::pair<double, State>> transitions_;
};

const char* stateName(CircuitBreaker::State s);

} // namespace sdlab::policies
