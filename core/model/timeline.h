#pragma once

#include <string>
#include <vector>

namespace sdlab::model {

/// A scheduled change of the traffic (a scripted demo's "traffic doubles at 30 s"): from
/// `atS`, for `durationS` seconds (< 0: until the end), the target clients send `factor` times
/// their own load — open loop: the rate; closed loop: think times divided by it — or, open
/// loop only, at `rps`. Relative to each client's own parameters, not to earlier changes: a
/// client follows the latest-started change in force, and its own load when none is.
struct LoadChangeSpec {
    std::vector<std::string> targets; ///< client ids; empty: every client
    double atS = 0;
    double durationS = -1;
    double factor = 1; ///< when rps < 0
    double rps = -1;   ///< open loop: this rate (per target client) instead of a factor
};

/// A line of text shown over the canvas while a live run's clock is in [atS, atS +
/// durationS): the story a demo tells ("The database crashes…"). The simulation ignores it.
struct CaptionSpec {
    static constexpr double kDefaultDurationS = 6;
    double atS = 0;
    double durationS = kDefaultDurationS;
    std::string text;
    bool pause = false; ///< the live run pauses when it appears (the teacher resumes it)
};

} // namespace sdlab::model
