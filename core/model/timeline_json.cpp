#include "timeline_json.h"

#include "param_check.h"
#include "scenario_error.h"

#include <algorithm>

namespace sdlab::model {

namespace {

const std::vector<ParamSpec>& loadChangeParams() {
    static const std::vector<ParamSpec> params = {
        {"at_s", ParamKind::Number, 0.0, 0, 1e7, "s", {}, "When the change starts."},
        {"duration_s", ParamKind::Number, -1.0, 1e-6, 1e7, "s", {}, "How long it lasts."},
        {"factor", ParamKind::Number, 1.0, 0, 1000, "×", {}, "Multiple of the client's load."},
        {"rps", ParamKind::Number, -1.0, 0, 1e7, "req/s", {}, "New rate (open loop)."},
    };
    return params;
}

const std::vector<ParamSpec>& captionParams() {
    static const std::vector<ParamSpec> params = {
        {"at_s", ParamKind::Number, 0.0, 0, 1e7, "s", {}, "When the caption appears."},
        {"duration_s",
         ParamKind::Number,
         CaptionSpec::kDefaultDurationS,
         1e-3,
         1e7,
         "s",
         {},
         "How long it stays (simulated seconds)."},
        {"pause", ParamKind::Boolean, false, 0, 0, "", {}, "Pause the live run when it shows."},
    };
    return params;
}

const Json& optionalArray(const Json& root, const char* key) {
    static const Json empty = Json::array();
    if (!root.contains(key)) return empty;
    if (!root[key].is_array())
        throw ScenarioError(key, "expected an array, got " + describeType(root[key]));
    return root[key];
}

/// `target`: one client id or a list of them; left out, every client.
std::vector<std::string> readClients(const Json& change, const std::string& path,
                                     const Scenario& s) {
    if (!change.contains("target")) return {};
    const Json& t = change["target"];
    const Json list = t.is_array() ? t : Json::array({t});
    if (list.empty())
        throw ScenarioError(fieldPath(path, "target"),
                            "an empty list; leave \"target\" out to change every client");
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string p = fieldPath(path, "target");
        if (t.is_array()) p.append("[").append(std::to_string(i)).append("]");
        const int index = list[i].is_string() ? s.indexOf(list[i].get<std::string>()) : -1;
        if (index < 0) throw ScenarioError(p, "expected the id of a client, got " + list[i].dump());
        const ComponentSpec& c = s.components[std::size_t(index)];
        if (c.type != "client")
            throw ScenarioError(p, "'" + c.id + "' is a " + c.type +
                                       "; a load change acts on clients (the traffic sources)");
        ids.push_back(c.id);
    }
    return ids;
}

LoadChangeSpec readLoadChange(const Json& j, const std::string& path, const Scenario& s) {
    if (!j.is_object()) throw ScenarioError(path, "expected an object, got " + describeType(j));
    const Json p = checkParams(j, loadChangeParams(), path, {"target"}, "a load change");
    LoadChangeSpec change;
    change.targets = readClients(j, path, s);
    change.atS = p["at_s"].get<double>();
    change.durationS = p["duration_s"].get<double>();
    const bool factor = j.contains("factor"), rps = j.contains("rps");
    if (factor == rps)
        throw ScenarioError(path, factor ? "give factor or rps, not both"
                                         : "missing: factor (a multiple of the client's own "
                                           "load) or rps (a new arrival rate)");
    if (factor) change.factor = p["factor"].get<double>();
    if (!rps) return change;
    change.rps = p["rps"].get<double>();
    for (const auto& c : s.components) {
        const bool targeted = change.targets.empty()
                                  ? c.type == "client"
                                  : std::find(change.targets.begin(), change.targets.end(), c.id) !=
                                        change.targets.end();
        if (targeted && c.params.value("mode", "open") == "closed")
            throw ScenarioError(fieldPath(path, "rps"),
                                "'" + c.id +
                                    "' is a closed-loop client (users who wait, then think): "
                                    "give it a factor instead");
    }
    return change;
}

CaptionSpec readCaption(const Json& j, const std::string& path) {
    if (!j.is_object()) throw ScenarioError(path, "expected an object, got " + describeType(j));
    const Json p = checkParams(j, captionParams(), path, {"text"}, "a caption");
    CaptionSpec caption;
    caption.atS = p["at_s"].get<double>();
    caption.durationS = p["duration_s"].get<double>();
    caption.pause = p["pause"].get<bool>();
    if (!j.contains("text")) throw ScenarioError(fieldPath(path, "text"), "missing");
    if (!j["text"].is_string())
        throw ScenarioError(fieldPath(path, "text"),
                            "expected a string, got " + describeType(j["text"]));
    caption.text = j["text"].get<std::string>();
    if (caption.text.find_first_not_of(" \t\n") == std::string::npos)
        throw ScenarioError(fieldPath(path, "text"), "must not be empty");
    return caption;
}

} // namespace

void readTimeline(const Json& root, Scenario& s) {
    const Json& changes = optionalArray(root, "load_changes");
    for (std::size_t i = 0; i < changes.size(); ++i)
        s.loadChanges.push_back(
            readLoadChange(changes[i], "load_changes[" + std::to_string(i) + "]", s));
    const Json& captions = optionalArray(root, "captions");
    for (std::size_t i = 0; i < captions.size(); ++i)
        s.captions.push_back(readCaption(captions[i], "captions[" + std::to_string(i) + "]"));
}

void writeTimeline(const Scenario& s, Json& root) {
    if (!s.loadChanges.empty()) {
        auto& out = root["load_changes"] = Json::array();
        for (const auto& c : s.loadChanges) {
            Json j = Json::object();
            if (!c.targets.empty())
                j["target"] = c.targets.size() == 1 ? Json(c.targets[0]) : Json(c.targets);
            j["at_s"] = c.atS;
            if (c.durationS > 0) j["duration_s"] = c.durationS;
            if (c.rps >= 0)
                j["rps"] = c.rps;
            else
                j["factor"] = c.factor;
            out.push_back(std::move(j));
        }
    }
    if (!s.captions.empty()) {
        auto& out = root["captions"] = Json::array();
        for (const auto& c : s.captions) {
            Json j = {{"at_s", c.atS}, {"duration_s", c.durationS}, {"text", c.text}};
            if (c.pause) j["pause"] = true;
            out.push_back(std::move(j));
        }
    }
}

} // namespace sdlab::model
