#include "param_check.h"

#include "catalogue_types.h"
#include "scenario_error.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace sdlab::model {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string formatNumber(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

double checkNumber(const Json& v, const std::string& path, double min, double max, bool integer) {
    if (!v.is_number())
        throw ScenarioError(path, std::string("expected ") + (integer ? "an integer" : "a number") +
                                      ", got " + describeType(v));
    const double x = v.get<double>();
    if (integer && (!v.is_number_integer() && x != std::floor(x)))
        throw ScenarioError(path, "expected an integer, got " + v.dump());
    if (!(x >= min && x <= max))
        throw ScenarioError(path, "must be between " + formatNumber(min) + " and " +
                                      formatNumber(max) + ", got " + v.dump());
    return x;
}

Json checkDistribution(const Json& v, const std::string& path, double maxMs) {
    if (!v.is_object())
        throw ScenarioError(path, "expected a distribution such as {\"dist\": \"exponential\", "
                                  "\"mean_ms\": 10}, got " +
                                      describeType(v));
    if (!v.contains("dist") || !v["dist"].is_string())
        throw ScenarioError(path + ".dist", "missing: one of exponential, deterministic, "
                                            "lognormal, uniform");
    const std::string dist = v["dist"].get<std::string>();
    std::vector<std::string> fields;
    if (dist == "exponential" || dist == "deterministic")
        fields = {"mean_ms"};
    else if (dist == "lognormal")
        fields = {"mean_ms", "cv"};
    else if (dist == "uniform")
        fields = {"min_ms", "max_ms"};
    else
        throw ScenarioError(path + ".dist", "unknown distribution '" + dist +
                                                "'; use exponential, deterministic, lognormal "
                                                "or uniform");
    Json out = {{"dist", dist}};
    for (const auto& [key, value] : v.items()) {
        if (key != "dist" && std::find(fields.begin(), fields.end(), key) == fields.end())
            failUnknownKey(path, key, fields, "a " + dist + " distribution");
    }
    for (const auto& f : fields) {
        if (!v.contains(f))
            throw ScenarioError(path + "." + f,
                                "missing (a " + dist + " distribution needs " + f + ")");
        const double lo = (f == "cv" || (f == "mean_ms" && dist != "deterministic")) ? 1e-9 : 0;
        out[f] = checkNumber(v[f], path + "." + f, lo, f == "cv" ? 100 : maxMs, false);
    }
    // Equal bounds would also hang the sampler (it draws until a value falls below max).
    if (dist == "uniform" && out["max_ms"].get<double>() <= out["min_ms"].get<double>())
        throw ScenarioError(path + ".max_ms",
                            "must be above min_ms (for a fixed time use deterministic)");
    return out;
}

/// What the field-by-field check cannot see: bounds that depend on each other.
void checkAutoscaling(const Json& a, const std::string& componentPath) {
    const std::string path = fieldPath(componentPath, "autoscaling");
    if (a["min_instances"].get<int>() > a["max_instances"].get<int>())
        throw ScenarioError(fieldPath(path, "max_instances"),
                            "must be at least min_instances (" + a["min_instances"].dump() + ")");
    if (a["metric"] == "utilization" && a["target"].get<double>() > 1)
        throw ScenarioError(fieldPath(path, "target"),
                            "a utilization target is a fraction of the workers busy: at most 1, "
                            "got " +
                                a["target"].dump());
}

} // namespace

std::string fieldPath(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string describeType(const Json& v) {
    if (v.is_string()) return "the string " + v.dump();
    if (v.is_boolean()) return v.dump();
    if (v.is_null()) return "null";
    if (v.is_array()) return "an array";
    if (v.is_object()) return "an object";
    return v.dump();
}

void failUnknownKey(const std::string& path, const std::string& key,
                    const std::vector<std::string>& known, const std::string& owner) {
    std::string best;
    std::size_t bestDistance = 3; // suggest only near misses
    for (const auto& k : known) {
        const std::size_t d = editDistance(key, k);
        if (d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    std::string message = "unknown field of " + owner;
    if (!best.empty()) message += "; did you mean '" + best + "'?";
    std::string list;
    for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + k;
    message += " (known: " + list + ")";
    throw ScenarioError(fieldPath(path, key), message);
}

Json checkParams(const Json& object, const std::vector<ParamSpec>& specs, const std::string& path,
                 std::initializer_list<const char*> structural, const std::string& owner) {
    std::vector<std::string> known(structural.begin(), structural.end());
    for (const auto& s : specs)
        known.push_back(s.name);
    for (const auto& [key, value] : object.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            failUnknownKey(path, key, known, owner);

    Json out = Json::object();
    for (const auto& spec : specs) {
        const std::string p = fieldPath(path, spec.name);
        if (!object.contains(spec.name)) {
            if (spec.kind == ParamKind::Object && spec.defaultValue.is_null()) continue; // optional
            out[spec.name] = spec.kind == ParamKind::Object
                                 ? checkParams(Json::object(), spec.fields, p, {}, spec.name)
                                 : spec.defaultValue;
            continue;
        }
        const Json& v = object[spec.name];
        switch (spec.kind) {
        case ParamKind::Integer:
            out[spec.name] = long(checkNumber(v, p, spec.min, spec.max, true));
            break;
        case ParamKind::Number:
            out[spec.name] = checkNumber(v, p, spec.min, spec.max, false);
            break;
        case ParamKind::Choice: {
            const auto& c = spec.choices;
            if (!v.is_string() || std::find(c.begin(), c.end(), v.get<std::string>()) == c.end()) {
                std::string list;
                for (const auto& x : c)
                    list += (list.empty() ? "" : ", ") + x;
                throw ScenarioError(p, "expected one of " + list + ", got " + describeType(v));
            }
            out[spec.name] = v;
            break;
        }
        case ParamKind::Latency:
            out[spec.name] = v.is_number() ? Json(checkNumber(v, p, spec.min, spec.max, false))
                                           : checkDistribution(v, p, spec.max);
            break;
        case ParamKind::Duration:
            out[spec.name] = checkDistribution(v, p, spec.max);
            break;
        case ParamKind::Boolean:
            if (!v.is_boolean())
                throw ScenarioError(p, "expected true or false, got " + describeType(v));
            out[spec.name] = v;
            break;
        case ParamKind::Object:
            if (!v.is_object())
                throw ScenarioError(p, "expected an object, got " + describeType(v));
            out[spec.name] = checkParams(v, spec.fields, p, {}, spec.name);
            break;
        }
    }
    return out;
}

/// `object` with its "preset" (if any) expanded: the preset's values under the object's own.
Json expandPreset(const ComponentType& type, const Json& object, const std::string& path) {
    const auto it = object.find("preset");
    if (it == object.end()) return object;
    std::string known;
    for (const auto& p : type.presets) {
        if (it->is_string() && *it == p.name) {
            Json merged = p.params;
            for (const auto& [key, value] : object.items())
                if (key != "preset") merged[key] = value;
            return merged;
        }
        known += (known.empty() ? "" : ", ") + p.name;
    }
    throw ScenarioError(fieldPath(path, "preset"),
                        known.empty() ? "a " + type.name + " has no presets"
                                      : "expected one of " + known + ", got " + it->dump());
}

Json checkComponentParams(const ComponentType& type, const Json& object, const std::string& path,
                          std::initializer_list<const char*> structural) {
    const Json expanded = expandPreset(type, object, path);
    Json params = checkParams(expanded, type.params, path, structural, "a " + type.name);
    if (type.name == "cache" && params["eviction"] == "ttl" && params["ttl_s"].get<double>() <= 0)
        throw ScenarioError(fieldPath(path, "ttl_s"), "eviction 'ttl' needs ttl_s > 0");
    if (params.contains("autoscaling")) checkAutoscaling(params["autoscaling"], path);
    checkCatalogueParams(type, params, path);
    if (type.name == "message_queue" && params["max_backlog"].get<long>() == 0)
        throw ScenarioError(fieldPath(path, "max_backlog"),
                            "must be -1 (unbounded) or at least 1 message waiting per group");
    if (type.name == "client" && params["stop_s"].get<double>() > 0 &&
        params["stop_s"].get<double>() <= params["start_s"].get<double>())
        throw ScenarioError(fieldPath(path, "stop_s"),
                            "must be after start_s (or 0: until the end)");
    return params;
}

} // namespace sdlab::model
