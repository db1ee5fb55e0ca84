#pragma once

#include "component_types.h"

#include <string>
#include <vector>

namespace sdlab::model {

/// The edge and platform building blocks of the catalogue: CDN edge, object storage, service
/// registry, feed service (catalogue_types.cpp), appended to the core types.
std::vector<ComponentType> catalogueComponentTypes();

/// Their rules that tie parameters together (a heartbeat TTL shorter than the interval would
/// deregister healthy instances); throws ScenarioError naming the field.
void checkCatalogueParams(const ComponentType& type, const Json& params, const std::string& path);

} // namespace sdlab::model
