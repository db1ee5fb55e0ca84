#include "scenario_json.h"

#include "analysis/topology_check.h"
#include "component_types.h"
#include "json_locator.h"
#include "param_check.h"
#include "scenario_error.h"
#include "timeline_json.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace sdlab::model {

namespace {

const std::vector<ParamSpec>& scenarioParams() {
    static const std::vector<ParamSpec> params = {
        {"version", ParamKind::Integer, Scenario::kVersion, 1, 1, "", {}, "File format version."},
        {"seed", ParamKind::Integer, 1, 0, 9.007e15, "", {}, "Random seed: same seed, same run."},
        {"duration_s", ParamKind::Number, 60.0, 1e-3, 1e7, "s", {}, "Simulated time in all."},
        {"warmup_s", ParamKind::Number, 0.0, 0, 1e7, "s", {}, "First part not counted."},
    };
    return params;
}

std::string optionalString(const Json& object, const char* key, const std::string& path) {
    if (!object.contains(key)) return {};
    if (!object[key].is_string())
        throw ScenarioError(fieldPath(path, key),
                            "expected a string, got " + describeType(object[key]));
    return object[key].get<std::string>();
}

Json optionalObject(const Json& object, const char* key, const std::string& path) {
    if (!object.contains(key)) return Json::object();
    if (!object[key].is_object())
        throw ScenarioError(fieldPath(path, key),
                            "expected an object, got " + describeType(object[key]));
    return object[key];
}

std::string requiredString(const Json& object, const char* key, const std::string& path) {
    if (!object.contains(key)) throw ScenarioError(fieldPath(path, key), "missing");
    std::string s = optionalString(object, key, path);
    if (s.empty()) throw ScenarioError(fieldPath(path, key), "must not be empty");
    return s;
}

const Json& requiredArray(const Json& root, const char* key, bool required) {
    static const Json empty = Json::array();
    if (!root.contains(key)) {
        if (required) throw ScenarioError(key, "missing (a list of components)");
        return empty;
    }
    if (!root[key].is_array())
        throw ScenarioError(key, "expected an array, got " + describeType(root[key]));
    return root[key];
}

void checkId(const std::string& id, const std::string& path) {
    static const std::regex idPattern("[A-Za-z0-9_.-]+");
    if (!std::regex_match(id, idPattern))
        throw ScenarioError(path, "'" + id + "' may use only letters, digits, '_', '-' and '.'");
}

ComponentSpec readComponent(const Json& c, const std::string& path, std::set<std::string>& ids,
                            const Scenario& scenario) {
    if (!c.is_object()) throw ScenarioError(path, "expected an object, got " + describeType(c));
    ComponentSpec spec;
    spec.id = requiredString(c, "id", path);
    checkId(spec.id, path + ".id");
    if (!ids.insert(spec.id).second)
        throw ScenarioError(path + ".id", "duplicate id '" + spec.id + "'");
    spec.type = requiredString(c, "type", path);
    const ComponentType* type = findComponentType(spec.type);
    if (!type) {
        std::string list;
        for (const auto& t : componentTypes())
            list += (list.empty() ? "" : ", ") + t.name;
        throw ScenarioError(path + ".type",
                            "unknown component type '" + spec.type + "' (known: " + list + ")");
    }
    spec.label = optionalString(c, "label", path);
    spec.ui = optionalObject(c, "ui", path);
    spec.zone = optionalString(c, "zone", path);
    if (!spec.zone.empty() && scenario.zoneIndexOf(spec.zone) < 0)
        throw ScenarioError(path + ".zone",
                            "no zone has id '" + spec.zone + "' (declare it in \"zones\")");
    spec.params = checkComponentParams(*type, c, path, {"id", "type", "label", "zone", "ui"});
    if (spec.label.empty() && c.contains("preset")) // "preset" is read, not kept: say which
        for (const auto& preset : type->presets)
            if (c["preset"] == preset.name) spec.label = preset.title;
    return spec;
}

LinkSpec readLink(const Json& l, const std::string& path, const Scenario& scenario,
                  std::set<std::pair<std::string, std::string>>& seen) {
    if (!l.is_object()) throw ScenarioError(path, "expected an object, got " + describeType(l));
    LinkSpec spec;
    spec.from = requiredString(l, "from", path);
    spec.to = requiredString(l, "to", path);
    for (const char* end : {"from", "to"}) {
        const std::string& id = std::string(end) == "from" ? spec.from : spec.to;
        if (scenario.indexOf(id) < 0)
            throw ScenarioError(path + "." + end, "no component has id '" + id + "'");
    }
    if (spec.from == spec.to)
        throw ScenarioError(path, "a component cannot call itself ('" + spec.from + "')");
    if (!seen.insert({spec.from, spec.to}).second)
        throw ScenarioError(path, "a second link from '" + spec.from + "' to '" + spec.to + "'");
    spec.ui = optionalObject(l, "ui", path);
    spec.params = checkParams(l, linkParams(), path, {"from", "to", "ui"}, "a link");
    return spec;
}

/// Records where nlohmann's parser stops. Its out_of_range errors (a number too large for a
/// double, such as 1e400) carry no position of their own.
struct StopFinder final : Json::json_sax_t {
    std::size_t position = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string& last,
                     const nlohmann::detail::exception&) override {
        position = at;
        token = last;
        return false;
    }
};

ZoneSpec readZone(const Json& z, const std::string& path, std::set<std::string>& ids) {
    if (!z.is_object()) throw ScenarioError(path, "expected an object, got " + describeType(z));
    for (const auto& [key, value] : z.items())
        if (key != "id" && key != "label" && key != "ui")
            failUnknownKey(path, key, {"id", "label", "ui"}, "a zone");
    ZoneSpec zone;
    zone.id = requiredString(z, "id", path);
    checkId(zone.id, fieldPath(path, "id"));
    if (!ids.insert(zone.id).second)
        throw ScenarioError(fieldPath(path, "id"), "duplicate zone id '" + zone.id + "'");
    zone.label = optionalString(z, "label", path);
    zone.ui = optionalObject(z, "ui", path);
    return zone;
}

/// The instances a service may have: its replicas, or as many as its autoscaler may launch.
int instanceSlots(const ComponentSpec& c) {
    const int replicas = c.params["replicas"].get<int>();
    if (!c.params.contains("autoscaling")) return replicas;
    return std::max(replicas, c.params["autoscaling"]["max_instances"].get<int>());
}

/// A crash fault's `instance`: one instance of each target service, by 0-based number.
int readInstance(const Json& f, const std::string& faultPath, const FaultSpec& fault,
                 const Scenario& s) {
    const std::string path = fieldPath(faultPath, "instance");
    const Json& v = f["instance"];
    if (!v.is_number_integer() || v.get<long>() < 0)
        throw ScenarioError(path, "expected an instance number (0, 1, …), got " + v.dump());
    if (fault.kind != "crash")
        throw ScenarioError(path, "only a crash takes an instance, not a " + fault.kind);
    const long instance = v.get<long>();
    for (const auto& id : fault.targets) {
        const ComponentSpec& c = s.components[std::size_t(s.indexOf(id))];
        if (c.type != "service")
            throw ScenarioError(path, "'" + id + "' is a " + c.type +
                                          "; only a service's instances can crash one by one");
        if (const int slots = instanceSlots(c); instance >= slots)
            throw ScenarioError(path, "service '" + id + "' has instances 0 to " +
                                          std::to_string(slots - 1) + ", got " + v.dump());
    }
    return int(instance);
}

/// A consumer stop's targets must be message queues, and its `group` (kept in `peers`; left
/// out: every group) components they deliver to.
template <class Ids>
void readConsumerGroups(const Json& f, const std::string& path, FaultSpec& fault, const Scenario& s,
                        Ids& ids) {
    for (const auto& id : fault.targets)
        if (const auto& type = s.components[std::size_t(s.indexOf(id))].type;
            type != "message_queue")
            throw ScenarioError(fieldPath(path, "target"),
                                "'" + id + "' is a " + type +
                                    "; only a message_queue's consumers can stop");
    if (!f.contains("group")) return;
    fault.peers = ids("group");
    for (const auto& group : fault.peers)
        for (const auto& id : fault.targets)
            if (std::none_of(s.links.begin(), s.links.end(),
                             [&](const LinkSpec& l) { return l.from == id && l.to == group; }))
                throw ScenarioError(fieldPath(path, "group"),
                                    "'" + group + "' is not a consumer group of '" + id +
                                        "' (a group is named by the component the queue "
                                        "links to)");
}

FaultSpec readFault(const Json& f, const std::string& path, const Scenario& s) {
    if (!f.is_object()) throw ScenarioError(path, "expected an object, got " + describeType(f));
    static const std::vector<std::string> known = {"kind",     "target",     "peer",   "zone",
                                                   "at_s",     "duration_s", "factor", "rate",
                                                   "instance", "group"};
    for (const auto& [key, value] : f.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            failUnknownKey(path, key, known, "a fault");
    FaultSpec fault;
    fault.kind = requiredString(f, "kind", path);
    static const std::vector<std::string> kinds = {"crash",       "slow",         "errors",
                                                   "zone_outage", "partition",    "cache_flush",
                                                   "packet_loss", "consumer_stop"};
    if (std::find(kinds.begin(), kinds.end(), fault.kind) == kinds.end())
        throw ScenarioError(fieldPath(path, "kind"),
                            "'" + fault.kind +
                                "' is not a fault kind this build simulates (crash, slow, "
                                "errors, zone_outage, partition, cache_flush, packet_loss, "
                                "consumer_stop)");
    auto number = [&](const char* key, double min, double max, double dflt) {
        if (!f.contains(key)) return dflt;
        const Json& v = f[key];
        if (!v.is_number() || !(v.get<double>() >= min && v.get<double>() <= max))
            throw ScenarioError(fieldPath(path, key),
                                "expected a number between " + std::to_string(min) + " and " +
                                    std::to_string(max) + ", got " + v.dump());
        return v.get<double>();
    };
    fault.atS = number("at_s", 0, 1e7, 0);
    fault.durationS = number("duration_s", 1e-6, 1e7, -1);
    fault.factor = number("factor", 1e-3, 1e6, 1);
    fault.rate = number("rate", 0, 1, 0);
    if (fault.kind == "zone_outage") {
        fault.zone = requiredString(f, "zone", path);
        if (s.zoneIndexOf(fault.zone) < 0)
            throw ScenarioError(fieldPath(path, "zone"), "no zone has id '" + fault.zone + "'");
        return fault;
    }
    auto ids = [&](const char* key) {
        if (!f.contains(key)) throw ScenarioError(fieldPath(path, key), "missing");
        const Json& t = f[key];
        const Json list = t.is_array() ? t : Json::array({t});
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string p = t.is_array()
                                      ? fieldPath(path, key) + "[" + std::to_string(i) + "]"
                                      : fieldPath(path, key);
            if (!list[i].is_string() || s.indexOf(list[i].get<std::string>()) < 0)
                throw ScenarioError(p, "expected the id of a component, got " + list[i].dump());
            out.push_back(list[i].get<std::string>());
        }
        return out;
    };
    fault.targets = ids("target");
    if (fault.kind == "partition" || (fault.kind == "packet_loss" && f.contains("peer")))
        fault.peers = ids("peer");
    if (fault.kind == "packet_loss" && !(fault.rate > 0 && fault.rate < 1))
        throw ScenarioError(fieldPath(path, "rate"),
                            "packet loss needs a rate above 0 and below 1 (the share of "
                            "messages lost), got " +
                                std::to_string(fault.rate));
    if (f.contains("instance")) fault.instance = readInstance(f, path, fault, s);
    if (fault.kind == "consumer_stop")
        readConsumerGroups(f, path, fault, s, ids);
    else if (f.contains("group"))
        throw ScenarioError(fieldPath(path, "group"),
                            "only a consumer_stop names a consumer group, not a " + fault.kind);
    return fault;
}

Scenario readRoot(const Json& root) {
    if (!root.is_object())
        throw ScenarioError("", "expected a JSON object at the top, got " + describeType(root));
    Scenario s;
    if (root.contains("version") && root["version"] != Scenario::kVersion)
        throw ScenarioError("version", "this build reads version " +
                                           std::to_string(Scenario::kVersion) + " files, got " +
                                           root["version"].dump());
    const Json top = checkParams(root, scenarioParams(), "",
                                 {"name", "description", "zones", "components", "links", "faults",
                                  "load_changes", "captions", "ui"},
                                 "a scenario");
    s.version = top["version"].get<int>();
    s.seed = top["seed"].get<std::uint64_t>();
    s.durationS = top["duration_s"].get<double>();
    s.warmupS = top["warmup_s"].get<double>();
    if (s.warmupS >= s.durationS)
        throw ScenarioError("warmup_s", "must be shorter than duration_s");
    s.name = optionalString(root, "name", "");
    s.description = optionalString(root, "description", "");
    s.ui = optionalObject(root, "ui", "");

    std::set<std::string> zoneIds;
    const Json& zones = requiredArray(root, "zones", false);
    for (std::size_t i = 0; i < zones.size(); ++i)
        s.zones.push_back(readZone(zones[i], "zones[" + std::to_string(i) + "]", zoneIds));

    std::set<std::string> ids;
    const Json& components = requiredArray(root, "components", true);
    for (std::size_t i = 0; i < components.size(); ++i)
        s.components.push_back(
            readComponent(components[i], "components[" + std::to_string(i) + "]", ids, s));
    std::set<std::pair<std::string, std::string>> seen;
    const Json& links = requiredArray(root, "links", false);
    for (std::size_t i = 0; i < links.size(); ++i)
        s.links.push_back(readLink(links[i], "links[" + std::to_string(i) + "]", s, seen));
    const Json& faults = requiredArray(root, "faults", false);
    for (std::size_t i = 0; i < faults.size(); ++i)
        s.faults.push_back(readFault(faults[i], "faults[" + std::to_string(i) + "]", s));
    readTimeline(root, s);
    analysis::checkTopology(s);
    return s;
}

} // namespace

Json parseJsonText(std::string_view text) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        // nlohmann reports a byte offset one past the offending character.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const auto [line, column] = JsonLocator::lineColumn(text, offset);
        std::string what = e.what();
        const auto cut = what.find("parse error at ");
        const auto colon = what.find(": ", cut == std::string::npos ? 0 : cut);
        what = colon == std::string::npos ? what : what.substr(colon + 2);
        throw ScenarioError("", "JSON syntax error: " + what, line, column);
    } catch (const Json::exception& e) {
        StopFinder stop;
        Json::sax_parse(text.begin(), text.end(), &stop);
        const auto [line, column] = JsonLocator::lineColumn(
            text, stop.position - std::min(stop.position, stop.token.size()));
        std::string what = e.what();
        what = what.substr(what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2);
        throw ScenarioError("", "JSON error: " + what, line, column);
    }
}

Scenario parseScenario(std::string_view text) {
    const Json root = parseJsonText(text);
    const JsonLocator locator(text);
    try {
        if (locator.tooDeep())
            throw ScenarioError(*locator.tooDeep(), "nested more than " +
                                                        std::to_string(JsonLocator::kMaxDepth) +
                                                        " levels deep");
        return readRoot(root);
    } catch (ScenarioError& e) {
        const auto [line, column] = locator.find(e.path());
        e.setLocation(line, column);
        throw;
    }
}

std::string readTextFile(const std::string& fileName) {
    std::error_code ec;
    if (std::filesystem::is_directory(fileName, ec))
        throw ScenarioError("", "is a folder, not a file");
    std::ifstream in(fileName, std::ios::binary);
    if (!in) throw ScenarioError("", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Scenario loadScenarioFile(const std::string& fileName) {
    return parseScenario(readTextFile(fileName));
}

std::string serializeScenario(const Scenario& s) {
    Json root;
    root["version"] = s.version;
    if (!s.name.empty()) root["name"] = s.name;
    if (!s.description.empty()) root["description"] = s.description;
    root["seed"] = s.seed;
    root["duration_s"] = s.durationS;
    root["warmup_s"] = s.warmupS;
    if (!s.zones.empty()) {
        auto& zones = root["zones"] = Json::array();
        for (const auto& z : s.zones) {
            Json j = {{"id", z.id}};
            if (!z.label.empty()) j["label"] = z.label;
            if (!z.ui.empty()) j["ui"] = z.ui;
            zones.push_back(std::move(j));
        }
    }
    auto& components = root["components"] = Json::array();
    for (const auto& c : s.components) {
        Json j = {{"id", c.id}, {"type", c.type}};
        if (!c.label.empty()) j["label"] = c.label;
        if (!c.zone.empty()) j["zone"] = c.zone;
        j.update(c.params);
        if (!c.ui.empty()) j["ui"] = c.ui;
        components.push_back(std::move(j));
    }
    auto& links = root["links"] = Json::array();
    for (const auto& l : s.links) {
        Json j = {{"from", l.from}, {"to", l.to}};
        j.update(l.params);
        if (!l.ui.empty()) j["ui"] = l.ui;
        links.push_back(std::move(j));
    }
    if (!s.faults.empty()) {
        auto& faults = root["faults"] = Json::array();
        for (const auto& f : s.faults) {
            Json j = {{"kind", f.kind}};
            if (f.kind == "zone_outage")
                j["zone"] = f.zone;
            else
                j["target"] = f.targets.size() == 1 ? Json(f.targets[0]) : Json(f.targets);
            if (!f.peers.empty()) // a consumer stop's peers are its groups
                j[f.kind == "consumer_stop" ? "group" : "peer"] =
                    f.peers.size() == 1 ? Json(f.peers[0]) : Json(f.peers);
            j["at_s"] = f.atS;
            if (f.durationS > 0) j["duration_s"] = f.durationS;
            if (f.kind == "slow") j["factor"] = f.factor;
            if (f.kind == "errors" || f.kind == "packet_loss") j["rate"] = f.rate;
            if (f.instance >= 0) j["instance"] = f.instance;
            faults.push_back(std::move(j));
        }
    }
    writeTimeline(s, root);
    if (!s.ui.empty()) root["ui"] = s.ui;
    return root.dump(2) + "\n";
}

} // namespace sdlab::model
