#pragma once

#include "event_calendar.h"

#include <cstdint>
#include <limits>

namespace sdlab::sim {

using Index = std::uint32_t;
inline constexpr Index kNone = std::numeric_limits<Index>::max();

enum class RequestKind : std::uint8_t { Read, Write };

/// How a call ended. Failures keep their first cause as they travel back to the client.
enum class Outcome : std::uint8_t {
    Ok,
    Rejected,     ///< a full queue turned it away
    Crashed,      ///< the component was down
    Injected,     ///< an error fault failed it
    Timeout,      ///< the caller stopped waiting
    HopLimit,     ///< it went round a loop too often
    BreakerOpen,  ///< the caller's circuit breaker refused to call
    Partitioned,  ///< the network between caller and callee was cut
    BulkheadFull, ///< the caller's bulkhead for that dependency was full
    RateLimited,  ///< a rate limiter refused it (HTTP 429)
    Inherited     ///< (for respond(): pass on what the downstream call said)
};
inline constexpr int kOutcomeCount = 10; // Ok .. RateLimited

/// One end-user request, from its client's send to the answer (or failure).
struct Request {
    std::uint64_t id = 0;
    Time created = 0;
    Time deadline = std::numeric_limits<Time>::infinity();
    std::uint32_t key = 0;
    std::uint32_t liveFrames = 0; ///< frames still working on it (some may be orphaned)
    Index client = kNone;         ///< the client component that sent it (per-client limits)
    std::uint16_t attempt = 1;
    RequestKind kind = RequestKind::Read;
    bool finished = false; ///< the client has its answer; freed with the last frame
};

/// One component's part in serving a request. Calls nest: a frame's parent is its caller's
/// frame, and the answer travels back over `inLink`. Frames live in a pool and are named by
/// index, so handlers must re-read a frame after anything that may grow the pool.
struct Frame {
    Index request = kNone;
    Index component = kNone;
    Index parent = kNone;
    Index inLink = kNone;    ///< link the call arrived over (kNone for a client's root frame)
    Time arrived = 0;        ///< when the request reached this component
    std::uint32_t step = 0;  ///< component-private progress (next downstream call, chosen link)
    std::uint16_t depth = 0; ///< hops from the client
    Index callLink = kNone;  ///< the link of the call this frame is waiting on
    std::uint16_t callAttempt = 0;     ///< attempts made of that call (retries included)
    Outcome lastOutcome = Outcome::Ok; ///< how the last downstream call ended
    bool orphaned = false;             ///< its caller timed out: its answer will go nowhere
    bool callRefused = false;          ///< the pending call was refused by the link's breaker
    /// Some attempt of a call timed out: the callee may have done it all the same. Set by the
    /// engine; a component that reads it clears it before the call (off the hot path).
    bool callTimedOut = false;
    /// A saga's compensation (undoing a step): callees do it as a write and pass the mark on.
    bool compensation = false;
    /// One call of a parallel fan-out, made for the frame `parent` of the same component
    /// (Simulation::fork); its answer goes to that component's onResponse.
    bool branch = false;
    Time callStarted = 0; ///< when the pending call (attempt) began
};

} // namespace sdlab::sim
