#include "instance_log.h"

#include <algorithm>

namespace sdlab::metrics {

void InstanceLog::record(double now, int count) {
    const int was = current();
    if (count == was) return;
    if (!changes_.empty() && changes_.back().time == now) {
        changes_.back().to = count;
        if (changes_.back().from == count) changes_.pop_back(); // back where it was
        return;
    }
    changes_.push_back({now, was, count});
}

int InstanceLog::at(double t) const {
    // The last change at or before t.
    const auto after = std::upper_bound(changes_.begin(), changes_.end(), t,
                                        [](double x, const Change& c) { return x < c.time; });
    return after == changes_.begin() ? initial_ : std::prev(after)->to;
}

double InstanceLog::area(double from, double to) const {
    double sum = 0;
    double t = from;
    int count = at(from);
    for (const Change& c : changes_) {
        if (c.time <= from) continue;
        if (c.time >= to) break;
        sum += count * (c.time - t);
        t = c.time;
        count = c.to;
    }
    return sum + count * (to - t);
}

InstanceLog::Range InstanceLog::range(double from, double to) const {
    Range r{at(from), at(from)};
    for (const Change& c : changes_)
        if (c.time > from && c.time <= to) {
            r.min = std::min(r.min, c.to);
            r.max = std::max(r.max, c.to);
        }
    return r;
}

} // namespace sdlab::metrics
