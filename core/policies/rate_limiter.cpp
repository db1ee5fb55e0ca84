#include "rate_limiter.h"

#include <algorithm>

namespace sdlab::policies {

TokenBucket::TokenBucket(double capacity, double refillPerSecond)
    : capacity_(capacity)
    , rate_(refillPerSecond)
    , tokens_(capacity) {}

bool TokenBucket::admit(double now) {
    tokens_ = std::min(capacity_, tokens_ + rate_ * (now - last_));
    last_ = now;
    // The tolerance absorbs rounding in the refill sum, which would otherwise lose a token
    // that theory says has arrived (r·t exactly 1 computed as 0.999…).
    constexpr double kEpsilon = 1e-9;
    if (tokens_ < 1 - kEpsilon) return false;
    tokens_ = std::max(0.0, tokens_ - 1);
    return true;
}

SlidingWindowLog::SlidingWindowLog(std::uint32_t limit, double window)
    : window_(window)
    , admitted_(std::max<std::uint32_t>(limit, 1)) {}

bool SlidingWindowLog::admit(double now) {
    if (count_ == admitted_.size()) {
        if (now - admitted_[next_] < window_) return false; // the window is full
    } else {
        ++count_;
    }
    admitted_[next_] = now;
    next_ = (next_ + 1) % admitted_.size();
    return true;
}

double TokenBucket::headroom(double now) const {
    return std::min(capacity_, tokens_ + rate_ * std::max(0.0, now - last_));
}

double SlidingWindowLog::headroom(double now) const {
    std::size_t inWindow = 0;
    for (std::size_t i = 0; i < count_; ++i)
        inWindow += admitted_[i] > now - window_;
    return double(admitted_.size() - inWindow);
}

std::unique_ptr<RateLimiter> makeRateLimiter(const RateLimit& config) {
    if (config.algorithm == RateLimit::Algorithm::SlidingWindow)
        return std::make_unique<SlidingWindowLog>(config.limit, config.window);
    return std::make_unique<TokenBucket>(config.capacity, config.refillPerSecond);
}

} // namespace sdlab::policies
