#include "latency_json.h"

#include <cmath>

namespace sdlab::metrics {

namespace {

double rounded(double x) {
    return std::round(x * 1e6) / 1e6;
}

} // namespace

nlohmann::ordered_json latencySummaryJson(const LatencyHistogram& h) {
    return {{"mean", rounded(h.mean())},
            {"p50", rounded(h.quantile(0.50))},
            {"p95", rounded(h.quantile(0.95))},
            {"p99", rounded(h.quantile(0.99))},
            {"max", rounded(h.max())}};
}

} // namespace sdlab::metrics
