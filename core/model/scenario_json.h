#pragma once

#include "scenario.h"

#include <string>
#include <string_view>

namespace sdlab::model {

/// Parses and checks a scenario (syntax, fields, types, ranges, ids, topology). Throws
/// ScenarioError with the JSON path and, wherever the text tells, line and column.
Scenario parseScenario(std::string_view text);

/// Reads a scenario file; errors as parseScenario, plus unreadable files.
Scenario loadScenarioFile(const std::string& fileName);

/// The scenario as pretty JSON text (parameters with their defaults written out).
std::string serializeScenario(const Scenario& scenario);

} // namespace sdlab::model
