#include "event_calendar.h"

#include <bit>

namespace sdlab::sim {

namespace {
std::uint64_t timeBits(Time t) {
    return std::bit_cast<std::uint64_t>(t + 0.0); // + 0.0 turns -0 into +0
}

bool keyLess(const Event& a, const Event& b) {
    const std::uint64_t ta = timeBits(a.time), tb = timeBits(b.time);
    return ta < tb || (ta == tb && a.order < b.order);
}

std::size_t indexOfSmallest(const std::vector<Event>& events) {
    std::size_t min = 0;
    for (std::size_t i = 1; i < events.size(); ++i)
        if (keyLess(events[i], events[min])) min = i;
    return min;
}
} // namespace

inline int EventCalendar::bucketOf(const Event& e) const {
    // Keys are unique and never below the last key sorted out, so one of the words differs.
    const std::uint64_t t = timeBits(e.time);
    if (t != lastTime_) return 128 - std::countl_zero(t ^ lastTime_);
    return 64 - std::countl_zero(e.order ^ lastOrder_);
}

inline void EventCalendar::place(const Event& e) {
    const int b = bucketOf(e);
    buckets_[std::size_t(b)].push_back(e);
    nonEmpty_[std::size_t(b >> 6)] |= std::uint64_t(1) << (b & 63);
}

void EventCalendar::push(Time time, EventKind kind, std::uint32_t target, std::uint32_t payload) {
    const Event e{time + 0.0, (nextSeq_++ << 8) | std::uint64_t(kind), target, payload};
    ++size_;
    if (!radix_) {
        if (hasCurrent_ && keyLess(e, current_)) { // earlier than the one top() sorted out
            small_.push_back(current_);
            hasCurrent_ = false;
        }
        small_.push_back(e);
        if (small_.size() > kToRadix) toRadix();
        return;
    }
    const std::uint64_t t = timeBits(e.time);
    if (t < lastTime_ || (t == lastTime_ && e.order < lastOrder_))
        rebuild(e); // earlier than the one top() sorted out: only after a look-ahead
    else
        place(e);
}

void EventCalendar::takeSmallestOfSmall() {
    const std::size_t min = indexOfSmallest(small_);
    current_ = small_[min];
    hasCurrent_ = true;
    small_[min] = small_.back();
    small_.pop_back();
}

void EventCalendar::toRadix() {
    if (!hasCurrent_) takeSmallestOfSmall();
    radix_ = true;
    lastTime_ = timeBits(current_.time);
    lastOrder_ = current_.order;
    for (const Event& e : small_)
        place(e);
    small_.clear();
}

void EventCalendar::toSmall() {
    // Called right after a pop, so every remaining event is in a bucket.
    for (auto& b : buckets_) {
        small_.insert(small_.end(), b.begin(), b.end());
        b.clear();
    }
    nonEmpty_ = {};
    radix_ = false;
}

void EventCalendar::rebuild(const Event& earlier) {
    // Something was scheduled before the event that top() last looked at (e.g. a fault
    // injected between runUntil() calls). It is the new minimum: re-key everything from it.
    std::vector<Event> all;
    if (hasCurrent_) all.push_back(current_);
    for (auto& b : buckets_) {
        all.insert(all.end(), b.begin(), b.end());
        b.clear();
    }
    nonEmpty_ = {};
    current_ = earlier;
    hasCurrent_ = true;
    lastTime_ = timeBits(earlier.time);
    lastOrder_ = earlier.order;
    for (const Event& e : all)
        place(e);
}

void EventCalendar::settle() {
    if (!radix_) {
        takeSmallestOfSmall();
        return;
    }
    std::size_t word = 0;
    while (nonEmpty_[word] == 0)
        ++word;
    const int b = int(word * 64) + std::countr_zero(nonEmpty_[word]);
    std::vector<Event>& bucket = buckets_[std::size_t(b)];
    nonEmpty_[word] &= ~(std::uint64_t(1) << (b & 63));
    // One pass for the minimum, keeping its key in registers rather than recomputing it.
    std::size_t min = 0;
    std::uint64_t minTime = timeBits(bucket[0].time), minOrder = bucket[0].order;
    const std::size_t n = bucket.size();
    for (std::size_t i = 1; i < n; ++i) {
        const std::uint64_t t = timeBits(bucket[i].time);
        if (t < minTime || (t == minTime && bucket[i].order < minOrder))
            min = i, minTime = t, minOrder = bucket[i].order;
    }
    current_ = bucket[min];
    hasCurrent_ = true;
    lastTime_ = minTime;
    lastOrder_ = minOrder;
    for (std::size_t i = 0; i < n; ++i)
        if (i != min) place(bucket[i]); // each lands in a lower bucket
    bucket.clear();
}

std::size_t EventCalendar::capacity() const {
    std::size_t n = small_.capacity();
    for (const auto& b : buckets_)
        n += b.capacity();
    return n;
}

} // namespace sdlab::sim
