#pragma once

#include "model/scenario.h"

#include <string>
#include <vector>

namespace sdlab::analysis {

/// What the shape of an architecture says before it runs: what is cut off, what loops, what
/// one failure takes down, and how available the whole can be expected to be.
struct TopologyAnalysis {
    /// Components no client's requests can reach.
    std::vector<std::string> unreachable;
    /// Groups of components that call each other in a circle.
    std::vector<std::vector<std::string>> loops;
    /// Components with one instance whose failure leaves some client with no working path.
    /// Empty when there are loops (the question has no simple answer there).
    std::vector<std::string> singlePointsOfFailure;
    /// Clients with no path that could answer them even when everything is up (not connected
    /// yet, or a load balancer with nowhere to send). The estimate waits until there are none.
    std::vector<std::string> unservedClients;
    /// Estimated fraction of time the worst-off client's requests can all be served, from
    /// each component's `availability` and `replicas` (series for calls a component makes
    /// one after another, parallel for a load balancer's or client's alternatives). -1 when
    /// there is no client, there are loops or a client is unserved.
    double availability = -1;
    /// False when too many components are shared between paths to condition on them all
    /// and the estimate treats paths as independent.
    bool availabilityExact = true;
};

TopologyAnalysis analyzeTopology(const model::Scenario& scenario);

/// Expected downtime per year for an availability, as people say it ("8.8 hours").
std::string downtimePerYear(double availability);

} // namespace sdlab::analysis
