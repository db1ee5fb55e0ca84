#pragma once

#include "request.h"

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

namespace sdlab::sim {

/// One request followed through the system, as a distributed-tracing waterfall: a span per
/// component visit (the client's root span included), nested by who called whom. A retry is
/// a new span beside the failed one; a call the caller gave up on stays open until the
/// callee finishes (its work was wasted) and says when it was abandoned.
struct Span {
    static constexpr Time kOpen = -1;
    Index component = kNone;
    Index link = kNone; ///< the link it was called over (kNone for the root)
    int parent = -1;    ///< index of the calling span; -1 for the root
    int attempt = 1;    ///< of the call that made it (retries: 2, 3, …)
    Time start = 0;
    Time end = kOpen;
    Time abandoned = kOpen; ///< when the caller stopped waiting (timeout), if it did
    bool ok = false;
    Outcome outcome = Outcome::Ok;
};

class RequestTrace {
public:
    explicit RequestTrace(std::uint64_t requestId)
        : requestId_(requestId) {}
    std::uint64_t requestId() const { return requestId_; }
    const std::vector<Span>& spans() const { return spans_; }
    /// Every span ended (the client has its answer and no orphaned work is left).
    bool complete() const { return open_.empty() && !spans_.empty(); }

    // Recorded by the simulation.
    void open(Index frame, Index parentFrame, const Span& span);
    void close(Index frame, Time at, bool ok, Outcome outcome);
    void abandon(Index frame, Time at);
    /// The span a frame works for: its own, or (a fan-out branch) its owner's.
    int spanOf(Index frame) const;
    void alias(Index branchFrame, Index ownerFrame);

private:
    std::uint64_t requestId_;
    std::vector<Span> spans_;
    std::unordered_map<Index, int> open_;    ///< frame → its span, while it lives
    std::unordered_map<Index, int> aliases_; ///< branch frame → the owner's span
};

} // namespace sdlab::sim
