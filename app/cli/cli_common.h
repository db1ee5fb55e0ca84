#pragma once

#include "model/scenario.h"

#include <QString>

namespace sdlab::cli {

/// Prints "sdlab: error: MESSAGE" as one line (control characters escaped) and returns 2,
/// the exit code for bad input.
int badInput(QString message);

/// Reads a scenario file for a command; on error prints it (file:line:col: path: message)
/// and returns false.
bool loadScenarioForCommand(const QString& file, model::Scenario& scenario);

} // namespace sdlab::cli
