#include "component_counters.h"

namespace sdlab::metrics {

CounterSnapshot CounterSnapshot::operator-(const CounterSnapshot& e) const {
    return {time - e.time,           arrivals - e.arrivals,
            completed - e.completed, rejected - e.rejected,
            failed - e.failed,       reads - e.reads,
            readHits - e.readHits,   busyArea - e.busyArea,
            queueArea - e.queueArea, inFlightArea - e.inFlightArea};
}

CounterSnapshot ComponentCounters::snapshot(double now) const {
    return {now,   arrivals, completed,      rejected,         failed,
            reads, readHits, busy.area(now), queued.area(now), inside.area(now)};
}

} // namespace sdlab::metrics
