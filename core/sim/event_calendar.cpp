#include "event_calendar.h"

namespace sdlab::sim {

namespace {
constexpr std::size_t kArity = 4;
}

void EventCalendar::push(Time time, EventKind kind, std::uint32_t target, std::uint32_t payload,
                         std::uint32_t aux) {
    Event ev{time, nextSeq_++, target, payload, aux, kind};
    std::size_t i = heap_.size();
    heap_.push_back(ev);
    while (i > 0) {
        const std::size_t parent = (i - 1) / kArity;
        if (!before(ev, heap_[parent])) break;
        heap_[i] = heap_[parent];
        i = parent;
    }
    heap_[i] = ev;
}

Event EventCalendar::pop() {
    const Event result = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    const std::size_t n = heap_.size();
    if (n == 0) return result;
    std::size_t i = 0;
    for (;;) {
        const std::size_t first = i * kArity + 1;
        if (first >= n) break;
        std::size_t best = first;
        const std::size_t end = first + kArity < n ? first + kArity : n;
        for (std::size_t c = first + 1; c < end; ++c)
            if (before(heap_[c], heap_[best])) best = c;
        if (!before(heap_[best], last)) break;
        heap_[i] = heap_[best];
        i = best;
    }
    heap_[i] = last;
    return result;
}

} // namespace sdlab::sim
