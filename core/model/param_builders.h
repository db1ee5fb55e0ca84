#pragma once
// Short builders for parameter specs, shared by the type tables (component_types.cpp and the
// catalogue files beside it).

#include "component_types.h"

namespace sdlab::model::params {

inline Json duration(const char* dist, double meanMs) {
    return Json{{"dist", dist}, {"mean_ms", meanMs}};
}

inline ParamSpec integer(std::string name, long dflt, double min, double max, std::string unit,
                         std::string help) {
    return {std::move(name), ParamKind::Integer, dflt, min, max, std::move(unit), {},
            std::move(help)};
}

inline ParamSpec number(std::string name, double dflt, double min, double max, std::string unit,
                        std::string help) {
    return {std::move(name), ParamKind::Number, dflt, min, max, std::move(unit), {},
            std::move(help)};
}

/// A parameter whose unit follows another one: {{"window_type=time", "s"}}.
inline ParamSpec inUnits(ParamSpec spec, std::vector<std::pair<std::string, std::string>> units) {
    spec.unitWhen = std::move(units);
    return spec;
}

inline ParamSpec when(ParamSpec spec, std::string condition) {
    spec.onlyWhen = std::move(condition);
    return spec;
}

/// One value of a choice and what it means, in a line (the inspector shows it under the field
/// and on the item in the list).
struct Option {
    std::string value;
    std::string meaning;
};

/// A choice among `options`, the first the default. Every option says what it does: a list of
/// bare names ("round_robin, least_connections, …") tells a learner nothing.
inline ParamSpec choice(std::string name, std::vector<Option> options, std::string help) {
    ParamSpec spec{std::move(name), ParamKind::Choice, options.front().value, 0, 0, {}, {},
                   std::move(help)};
    for (auto& o : options) {
        spec.choices.push_back(std::move(o.value));
        spec.choiceHelp.push_back(std::move(o.meaning));
    }
    return spec;
}

/// A group of fields that is absent unless configured (null default): a breaker, an autoscaler.
inline ParamSpec optionalObject(std::string name, std::string help, std::vector<ParamSpec> fields) {
    return {std::move(name),  ParamKind::Object, Json(), 0, 0, {}, {}, std::move(help), {},
            std::move(fields)};
}

inline ParamSpec boolean(std::string name, bool dflt, std::string help) {
    return {std::move(name), ParamKind::Boolean, dflt, 0, 0, {}, {}, std::move(help)};
}

inline ParamSpec durationParam(std::string name, Json dflt, std::string help) {
    return {std::move(name), ParamKind::Duration, std::move(dflt), 0, 3.6e6, "ms", {},
            std::move(help)};
}

inline ParamSpec availability() {
    return number("availability", 0.999, 0, 1, "",
                  "Chance that one instance is up at a given moment (0.999 is about 8.8 hours "
                  "down a year). Used by the availability estimate, not by the simulation.");
}

inline ParamSpec queueCapacity() {
    return integer("queue_capacity", -1, -1, 1e7, "requests",
                   "Waiting room when every worker is busy; -1 is unbounded, 0 rejects at once.");
}

} // namespace sdlab::model::params
