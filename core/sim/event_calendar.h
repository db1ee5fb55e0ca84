#pragma once

#include <cstdint>
#include <vector>

namespace sdlab::sim {

/// Simulated time in seconds.
using Time = double;

enum class EventKind : std::uint8_t {
    Arrive,      ///< a request reaches a component (payload: frame)
    ServiceDone, ///< a component finished its own work on a request (payload: frame)
    Response,    ///< a downstream answer reaches the caller (payload: frame, aux: ok)
    Timer,       ///< a component's own timer (payload and aux are the component's)
};

/// A small POD: the calendar stores events by value, so scheduling never allocates once the
/// heap has grown to the run's working size.
struct Event {
    Time time;
    std::uint64_t seq; ///< insertion order: equal times fire first-scheduled-first
    std::uint32_t target;
    std::uint32_t payload;
    std::uint32_t aux;
    EventKind kind;
};

/// Future-event set: a 4-ary min-heap ordered by (time, insertion sequence). The sequence
/// tie-break makes every run reproducible whatever the heap's internal order.
class EventCalendar {
public:
    void push(Time time, EventKind kind, std::uint32_t target, std::uint32_t payload,
              std::uint32_t aux = 0);
    const Event& top() const { return heap_.front(); }
    Event pop();
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    std::size_t capacity() const { return heap_.capacity(); }

private:
    static bool before(const Event& a, const Event& b) {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }
    std::vector<Event> heap_;
    std::uint64_t nextSeq_ = 0;
};

} // namespace sdlab::sim
