#pragma once

#include "model/scenario.h"

#include <string>
#include <vector>

namespace sdlab::analysis {

/// Cycles of calls (strongly connected components of the call graph, as component ids).
std::vector<std::vector<std::string>> callCycles(const model::Scenario& scenario);

/// Throws model::ScenarioError if links break a component type's rules (into a client, too
/// many out of a cache) or form a routing loop with no way out: a cycle of calls in which no
/// component can ever answer without calling the next one round the loop.
void checkTopology(const model::Scenario& scenario);

} // namespace sdlab::analysis
