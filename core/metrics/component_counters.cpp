#include "component_counters.h"

namespace sdlab::metrics {

CounterSnapshot CounterSnapshot::operator-(const CounterSnapshot& e) const {
    CounterSnapshot d{time - e.time,
                      arrivals - e.arrivals,
                      completed - e.completed,
                      rejected - e.rejected,
                      failed - e.failed,
                      reads - e.reads,
                      readHits - e.readHits,
                      staleReads - e.staleReads,
                      lostWrites - e.lostWrites,
                      busyArea - e.busyArea,
                      queueArea - e.queueArea,
                      inFlightArea - e.inFlightArea,
                      extraWorkerArea - e.extraWorkerArea,
                      {}};
    for (std::size_t k = 0; k < failedBy.size(); ++k)
        d.failedBy[k] = failedBy[k] - e.failedBy[k];
    return d;
}

CounterSnapshot ComponentCounters::snapshot(double now) const {
    return {now,
            arrivals,
            completed,
            rejected,
            failed,
            reads,
            readHits,
            staleReads,
            lostWrites,
            busy.area(now),
            queued.area(now),
            inside.area(now),
            extraWorkers.area(now),
            failedBy};
}

double utilization(const CounterSnapshot& w, int workers) {
    const double capacity = w.time * workers + w.extraWorkerArea;
    return workers && capacity > 0 ? w.busyArea / capacity : 0.0;
}

} // namespace sdlab::metrics
