#pragma once

#include "model/scenario.h"

#include <string>

namespace sdlab::cli {

/// A short human-readable account of a run's report, for the terminal.
std::string formatSummary(const model::Scenario& scenario, const model::Json& report,
                          double wallSeconds);

} // namespace sdlab::cli
