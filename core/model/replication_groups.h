#pragma once

#include "scenario.h"

#include <vector>

namespace sdlab::model {

/// A link between two databases carries replication, not calls.
bool isReplicationLink(const Scenario& s, const LinkSpec& link);

/// For every component, the index of the first member of its replication group (databases
/// joined by replication links, in either direction); a component in no group is its own.
std::vector<std::size_t> replicationGroupOf(const Scenario& s);

} // namespace sdlab::model
