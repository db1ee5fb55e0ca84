#pragma once

#include "scenario.h"

#include <string>
#include <string_view>

namespace sdlab::model {

/// Parses JSON text; a syntax error becomes a ScenarioError with its line and column.
Json parseJsonText(std::string_view text);

/// Parses and checks a scenario (syntax, fields, types, ranges, ids, topology). Throws
/// ScenarioError with the JSON path and, wherever the text tells, line and column.
Scenario parseScenario(std::string_view text);

/// A whole file's text; an unreadable file (or a folder) is a ScenarioError.
std::string readTextFile(const std::string& fileName);

/// Reads a scenario file; errors as parseScenario, plus unreadable files.
Scenario loadScenarioFile(const std::string& fileName);

/// The scenario as pretty JSON text (parameters with their defaults written out).
std::string serializeScenario(const Scenario& scenario);

} // namespace sdlab::model
