#pragma once

#include "model/scenario.h"
#include "sim/component.h"

#include <memory>

namespace sdlab::components {

/// The catalogue's components (CDN edge, object storage, service registry, feed service)
/// built from their checked parameters; null for any other type.
std::unique_ptr<sim::Component> makeCatalogueComponent(const model::Scenario& scenario,
                                                       const model::ComponentSpec& spec,
                                                       sim::Index index);

/// Whether every call of component `id` goes to a CDN edge (at least two): it then picks the
/// nearest edge that is up, as GeoDNS or anycast would.
bool callsOnlyCdnEdges(const model::Scenario& scenario, const std::string& id);

} // namespace sdlab::components
