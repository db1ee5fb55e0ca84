#include "cdn_edge.h"

#include <nlohmann/json.hpp>

namespace sdlab::components {

void CdnEdge::reportExtra(nlohmann::ordered_json& out,
                          const metrics::CounterSnapshot& window) const {
    Cache::reportExtra(out, window);
    // Every request whose own work finished went to the origin unless it was a read hit.
    const std::uint64_t fetches = outLinks().empty() ? 0 : window.completed - window.readHits;
    out["origin_fetches"] = fetches;
    out["offload"] = window.arrivals ? 1.0 - double(fetches) / double(window.arrivals) : 0.0;
}

} // namespace sdlab::components
