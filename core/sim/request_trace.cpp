#include "request_trace.h"

namespace sdlab::sim {

int RequestTrace::spanOf(Index frame) const {
    if (const auto it = open_.find(frame); it != open_.end()) return it->second;
    if (const auto it = aliases_.find(frame); it != aliases_.end()) return it->second;
    return -1;
}

void RequestTrace::open(Index frame, Index parentFrame, const Span& span) {
    Span s = span;
    s.parent = parentFrame == kNone ? -1 : spanOf(parentFrame);
    open_[frame] = int(spans_.size());
    spans_.push_back(s);
}

void RequestTrace::close(Index frame, Time at, bool ok, Outcome outcome) {
    const auto it = open_.find(frame);
    if (it == open_.end()) return;
    Span& s = spans_[std::size_t(it->second)];
    s.end = at;
    s.ok = ok;
    s.outcome = outcome;
    open_.erase(it);
}

void RequestTrace::abandon(Index frame, Time at) {
    if (const int s = spanOf(frame); s >= 0) spans_[std::size_t(s)].abandoned = at;
}

void RequestTrace::alias(Index branchFrame, Index ownerFrame) {
    if (const int s = spanOf(ownerFrame); s >= 0) aliases_[branchFrame] = s;
}

} // namespace sdlab::sim
