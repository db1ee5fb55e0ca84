#include "circuit_breaker.h"

#include <cmath>

namespace sdlab::policies {

const char* stateName(CircuitBreaker::State s) {
    switch (s) {
    case CircuitBreaker::State::Closed:
        return "CLOSED";
    case CircuitBreaker::State::Open:
        return "OPEN";
    case CircuitBreaker::State::HalfOpen:
        return "HALF_OPEN";
    }
    return "CLOSED";
}

CircuitBreaker::CircuitBreaker(const Config& config)
    : config_(config)
    , window_(std::size_t(config.window)) {
    transitions_.emplace_back(0.0, State::Closed);
}

void CircuitBreaker::enter(State s, double now) {
    state_ = s;
    transitions_.emplace_back(now, s);
    if (s == State::Open) openedAt_ = now;
    if (s == State::HalfOpen) trialsStarted_ = trialsEnded_ = trialFailures_ = trialSlow_ = 0;
    if (s == State::Closed) clearWindow();
}

void CircuitBreaker::clearWindow() {
    for (auto& t : window_)
        t = Tally{};
    next_ = 0;
}

bool CircuitBreaker::tripped(int calls, int failures, int slow) const {
    if (calls <= 0) return false;
    const bool failing = double(failures) / calls >= config_.failureRateThreshold;
    const bool slowing =
        config_.slowCallSeconds > 0 && double(slow) / calls >= config_.slowCallRateThreshold;
    return failing || slowing;
}

bool CircuitBreaker::permit(double) {
    switch (state_) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (trialsStarted_ >= config_.halfOpenCalls) return false;
        ++trialsStarted_;
        return true;
    }
    return true;
}

void CircuitBreaker::record(bool failed, double seconds, double now) {
    const bool slow = config_.slowCallSeconds > 0 && seconds >= config_.slowCallSeconds;
    if (state_ == State::HalfOpen) {
        ++trialsEnded_;
        trialFailures_ += failed;
        trialSlow_ += slow;
        if (trialsEnded_ >= config_.halfOpenCalls)
            enter(tripped(trialsEnded_, trialFailures_, trialSlow_) ? State::Open : State::Closed,
                  now);
        return;
    }
    if (state_ == State::Open) return; // a call that started before the breaker opened
    if (config_.timeWindow) {
        const auto second = std::int64_t(std::floor(now));
        Tally& bucket = window_[std::size_t(second % config_.window)];
        if (bucket.second != second) bucket = Tally{second, 0, 0, 0};
        ++bucket.calls, bucket.failures += failed, bucket.slow += slow;
    } else {
        window_[next_] = Tally{0, 1, failed ? 1 : 0, slow ? 1 : 0};
        next_ = (next_ + 1) % window_.size();
    }
    const WindowTally w = window(now);
    if (w.calls >= config_.minimumCalls && tripped(w.calls, w.failures, w.slow))
        enter(State::Open, now);
}

CircuitBreaker::WindowTally CircuitBreaker::window(double now) const {
    WindowTally w;
    const auto second = std::int64_t(std::floor(now));
    for (const auto& t : window_)
        if (!config_.timeWindow || t.second > second - config_.window)
            w.calls += t.calls, w.failures += t.failures, w.slow += t.slow;
    return w;
}

void CircuitBreaker::openWaitOver(double now) {
    if (state_ == State::Open && now >= openedAt_ + config_.waitOpen - 1e-12)
        enter(State::HalfOpen, now);
}

double CircuitBreaker::timeOpen(double from, double to) const {
    double total = 0;
    for (std::size_t i = 0; i < transitions_.size(); ++i) {
        if (transitions_[i].second != State::Open) continue;
        const double start = std::max(from, transitions_[i].first);
        const double end =
            std::min(to, i + 1 < transitions_.size() ? transitions_[i + 1].first : to);
        if (end > start) total += end - start;
    }
    return total;
}

} // namespace sdlab::policies
