#pragma once

#include "model/scenario.h"

namespace sdlab::widgets {

/// Gives every component a position when a file has none (written by hand or by a script):
/// columns by call depth from the clients, rows in file order. Returns false if the
/// scenario already had positions (nothing changed).
bool layOutIfUnplaced(model::Scenario& scenario);

} // namespace sdlab::widgets
