#pragma once

#include "event_calendar.h"

#include <cstdint>
#include <limits>

namespace sdlab::sim {

using Index = std::uint32_t;
inline constexpr Index kNone = std::numeric_limits<Index>::max();

enum class RequestKind : std::uint8_t { Read, Write };

/// One end-user request, from its client's send to the answer (or failure).
struct Request {
    std::uint64_t id = 0;
    Time created = 0;
    Time deadline = std::numeric_limits<Time>::infinity();
    std::uint32_t key = 0;
    std::uint16_t attempt = 1;
    RequestKind kind = RequestKind::Read;
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
    bool ok = true;          ///< false once a downstream call has failed
};

} // namespace sdlab::sim
