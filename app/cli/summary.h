#pragma once

#include "analysis/topology_analysis.h"
#include "model/scenario.h"

#include <string>

namespace sdlab::cli {

/// The topology analysis as it appears in metrics.json.
model::Json analysisJson(const analysis::TopologyAnalysis& analysis);

/// A short human-readable account of a run's report, for the terminal.
std::string formatSummary(const model::Scenario& scenario, const model::Json& report,
                          double wallSeconds);

} // namespace sdlab::cli
