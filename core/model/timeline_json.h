#pragma once

#include "scenario.h"

namespace sdlab::model {

/// Reads a scenario file's scripted timeline — "load_changes" and "captions" — into `s`
/// (whose components are already read). Throws ScenarioError naming the field
/// ("load_changes[1].rps: …").
void readTimeline(const Json& root, Scenario& s);

/// Writes the scripted timeline into a file's root object (nothing when there is none).
void writeTimeline(const Scenario& s, Json& root);

} // namespace sdlab::model
