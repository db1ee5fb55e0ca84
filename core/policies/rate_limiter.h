#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace sdlab::policies {

/// Decides, request by request, whether one more request may pass now. Time never goes back
/// between calls (simulated seconds).
class RateLimiter {
public:
    virtual ~RateLimiter() = default;
    /// Admits (and counts) the request if the limit allows it at `now`.
    virtual bool admit(double now) = 0;
    /// Requests it would admit at `now` in a burst (a bucket's tokens; a window's free slots).
    virtual double headroom(double now) const = 0;
};

/// Token bucket: holds up to `capacity` tokens, starts full and gains `refillPerSecond`
/// continuously; a request takes one token or is refused. Over any interval of length t it
/// admits at most capacity + rate·t requests, and exactly that many when saturated from full.
class TokenBucket final : public RateLimiter {
public:
    TokenBucket(double capacity, double refillPerSecond);
    bool admit(double now) override;
    double headroom(double now) const override;

private:
    double capacity_;
    double rate_;
    double tokens_;
    double last_ = 0;
};

/// Sliding window log: at most `limit` requests in any window of `window` seconds, exactly
/// (not the sliding-window counter's interpolation between two fixed windows). It keeps the
/// times of the last `limit` admissions in a ring: a request passes when the oldest of them
/// has left the window (s admitted at t is in every window (u − window, u] with t ≤ u < t +
/// window). O(1) a request, `limit` times a client in memory.
class SlidingWindowLog final : public RateLimiter {
public:
    SlidingWindowLog(std::uint32_t limit, double window);
    bool admit(double now) override;
    double headroom(double now) const override;

private:
    double window_;
    std::vector<double> admitted_; ///< the last `limit` admission times, a ring
    std::size_t next_ = 0;         ///< oldest entry, overwritten by the next admission
    std::size_t count_ = 0;
};

struct RateLimit {
    enum class Algorithm { TokenBucket, SlidingWindow };
    Algorithm algorithm = Algorithm::TokenBucket;
    double capacity = 100; ///< token bucket: burst size
    double refillPerSecond = 50;
    std::uint32_t limit = 100; ///< sliding window: requests per window
    double window = 1;         ///< s
    bool perClient = false;    ///< one limiter per originating client, or one for everybody
};

std::unique_ptr<RateLimiter> makeRateLimiter(const RateLimit& config);

} // namespace sdlab::policies
