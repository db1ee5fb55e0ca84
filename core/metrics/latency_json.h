#pragma once

#include "latency_histogram.h"

#include <nlohmann/json.hpp>

namespace sdlab::metrics {

/// {mean, p50, p95, p99, max} in ms, rounded to 1e-6: how reports show a latency.
nlohmann::ordered_json latencySummaryJson(const LatencyHistogram& h);

} // namespace sdlab::metrics
