#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace sdlab::sim {

/// Simulated time in seconds.
using Time = double;

enum class EventKind : std::uint8_t {
    Arrive,         ///< a request reaches a component (payload: frame)
    ServiceDone,    ///< a component finished its own work on a request (payload: frame)
    ResponseOk,     ///< a downstream answer reaches the caller (payload: caller's frame)
    ResponseFailed, ///< likewise, with an error
    Timer,          ///< a component's own timer (payload is the component's)
    CallTimeout,    ///< a caller stops waiting (payload: callee frame, target: its generation)
    Retry,          ///< a caller calls again after a backoff (payload: caller frame)
    Fault,          ///< a scheduled fault starts or ends (payload: fault, target: 1 start/0 end)
    BreakerWait,    ///< a link's breaker has waited long enough in OPEN (payload: link)
};

struct Event {
    Time time;
    std::uint64_t order; ///< insertion sequence << 8 | kind: unique, so ties break by it
    std::uint32_t target;
    std::uint32_t payload;

    EventKind kind() const { return EventKind(order & 0xff); }
};

/// Future-event set ordered by (time, insertion sequence): equal times fire in the order
/// they were scheduled, so every run is reproducible.
///
/// Two representations, switched by size. A few pending events (a lone queue) sit in a small
/// unsorted array that is scanned. Many (a busy architecture) go into a radix heap over the
/// 128-bit key (time's bits, sequence): simulated time never goes back, so each event sits in
/// the bucket of the highest bit where it differs from the last key sorted out, and only the
/// lowest non-empty bucket is ever sorted. Pushing is O(1) and an event moves only a few
/// times in its life, several times cheaper than a comparison heap at hundreds of events
/// (see bench/). Non-negative doubles order like their bit patterns, which is what makes the
/// time usable as a radix key.
class EventCalendar {
public:
    void push(Time time, EventKind kind, std::uint32_t target, std::uint32_t payload);
    /// The earliest event. Not const: finding it sorts it out of the rest.
    const Event& top() {
        if (!hasCurrent_) settle();
        return current_;
    }
    Event pop() {
        if (!hasCurrent_) settle();
        hasCurrent_ = false;
        --size_;
        if (radix_ && size_ <= kBackToSmall) toSmall();
        return current_;
    }
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    /// Event slots reserved (for memory reports).
    std::size_t capacity() const;

private:
    static constexpr std::size_t kToRadix = 32;    ///< small array grows past this: radix
    static constexpr std::size_t kBackToSmall = 8; ///< radix shrinks to this: small again
    static constexpr int kBuckets = 129; ///< 1..64: differs in the low word; 65..128: high
    int bucketOf(const Event& e) const;
    void place(const Event& e);
    void settle();
    void takeSmallestOfSmall();
    void toRadix();
    void toSmall();
    void rebuild(const Event& earlier);

    Event current_{};         ///< the earliest event, once sorted out of the rest
    bool hasCurrent_ = false; ///< (in radix mode, its key is the one buckets are relative to)
    bool radix_ = false;
    std::vector<Event> small_; ///< small mode: every other event, unsorted
    std::array<std::vector<Event>, kBuckets> buckets_;
    std::array<std::uint64_t, 3> nonEmpty_{}; ///< bit b set when bucket b holds events
    std::uint64_t lastTime_ = 0;              ///< bits of the last key sorted out
    std::uint64_t lastOrder_ = 0;
    std::uint64_t nextSeq_ = 0;
    std::size_t size_ = 0;
};

} // namespace sdlab::sim
