#pragma once

#include "scenario.h"

#include <string>
#include <string_view>
#include <vector>

namespace sdlab::model {

/// What kind of value a parameter takes. Durations are objects such as
/// {"dist": "exponential", "mean_ms": 10}; latencies also accept a plain number of ms.
enum class ParamKind { Integer, Number, Choice, Duration, Latency, Object, Boolean };

/// One parameter of a component or link type: everything the file reader needs to check it
/// and the inspector needs to show and edit it.
struct ParamSpec {
    std::string name;
    ParamKind kind;
    Json defaultValue;
    double min = 0;
    double max = 0;
    std::string unit;
    std::vector<std::string> choices;
    std::string help;
    /// "param=value": the parameter only matters when another one has that value (a closed
    /// loop's users, a hash ring's virtual nodes). Editors hide it otherwise; files keep it.
    std::string onlyWhen = {};
    /// Object: the fields of the nested object (a link's retry policy).
    std::vector<ParamSpec> fields = {};
    /// Choice: what each choice does, one line each, in the order of `choices`.
    std::vector<std::string> choiceHelp = {};
    /// "param=value" → the unit while another parameter has that value (a breaker's window is
    /// in calls or in seconds); `unit` otherwise.
    std::vector<std::pair<std::string, std::string>> unitWhen = {};
};

/// The unit of `spec` for an item with these parameters (see ParamSpec::unitWhen).
std::string unitFor(const ParamSpec& spec, const Json& params);
/// What choice `value` of a Choice parameter does; empty when it has no line.
std::string choiceMeaning(const ParamSpec& spec, const std::string& value);

/// Whether `spec` matters for a component with these (complete) parameters.
bool paramApplies(const ParamSpec& spec, const Json& params);

/// A named starting point for a type ("PostgreSQL" for a database): values for some of its
/// parameters, which a file's own values override.
struct Preset {
    std::string name;  ///< as a file names it: "preset": "postgresql"
    std::string title; ///< for people
    std::string help;
    Json params;
};

struct ComponentType {
    std::string name;     ///< the file's "type"
    std::string title;    ///< for people
    std::string category; ///< palette group: Traffic, Edge, Compute, Data, Messaging, Control
    std::string help;
    std::vector<ParamSpec> params;
    bool sends = true;         ///< may have outgoing links
    bool receives = true;      ///< may have incoming links
    int maxOutLinks = -1;      ///< -1: any number
    std::string keywords = {}; ///< other words people search the palette with
    std::vector<Preset> presets = {};
};

const std::vector<ComponentType>& componentTypes();
const ComponentType* findComponentType(std::string_view name);
const std::vector<ParamSpec>& linkParams();

} // namespace sdlab::model
