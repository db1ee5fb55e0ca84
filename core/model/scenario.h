#pragma once

#include "timeline.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sdlab::model {

using Json = nlohmann::ordered_json;

/// One box on the canvas. `params` holds every parameter of its type, defaults filled in
/// (see component_types.h); `ui` is the editor's own data (position, colour), kept as is.
struct ComponentSpec {
    std::string id;
    std::string type;
    std::string label;
    std::string zone; ///< the zone (availability zone, region) it runs in; empty: none
    Json params = Json::object();
    Json ui = Json::object();
};

/// A failure domain (availability zone, region, rack) that components run in: drawn as a
/// box around its members, and taken down as one by a zone outage.
struct ZoneSpec {
    std::string id;
    std::string label;
    Json ui = Json::object();
};

/// A scheduled fault: `kind` crash | slow | errors | zone_outage | partition | cache_flush |
/// packet_loss | consumer_stop, on `targets` (component ids; a partition cuts them off from
/// `peers`) or `zone`, from `atS` for `durationS` seconds (< 0: until the end).
struct FaultSpec {
    std::string kind;
    std::vector<std::string> targets;
    std::vector<std::string> peers; ///< partition: the other side; consumer_stop: the groups
    std::string zone;
    double atS = 0;
    double durationS = -1;
    double factor = 1; ///< slow
    double rate = 0;   ///< errors
    int instance = -1; ///< crash of a service: only this instance (0-based); -1: all of it
};

struct LinkSpec {
    std::string from;
    std::string to;
    Json params = Json::object();
    Json ui = Json::object();
};

/// The whole model: what the GUI edits, the file stores and the simulation runs.
struct Scenario {
    static constexpr int kVersion = 1;
    int version = kVersion;
    std::string name;
    std::string description;
    std::uint64_t seed = 1;
    double durationS = 60;
    double warmupS = 0;
    std::vector<ComponentSpec> components;
    std::vector<LinkSpec> links;
    std::vector<ZoneSpec> zones;
    std::vector<FaultSpec> faults;
    std::vector<LoadChangeSpec> loadChanges; ///< scripted traffic changes
    std::vector<CaptionSpec> captions;       ///< scripted on-screen captions (GUI only)
    Json ui = Json::object();

    /// Index of the component with this id, or -1.
    int indexOf(const std::string& id) const;
    /// Index of the zone with this id, or -1.
    int zoneIndexOf(const std::string& id) const;
};

} // namespace sdlab::model
