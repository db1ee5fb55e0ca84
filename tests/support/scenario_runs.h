#pragma once
// Small builders so tests state scenarios in a few lines and run them through the same path
// as the CLI (JSON text → checked scenario → simulation → report).

#include "model/scenario_json.h"
#include "run/run_scenario.h"

#include <cmath>
#include <string>

namespace sdlab::test {

using Json = model::Json;

inline Json exponentialMs(double meanMs) {
    return {{"dist", "exponential"}, {"mean_ms", meanMs}};
}

inline Json deterministicMs(double ms) {
    return {{"dist", "deterministic"}, {"mean_ms", ms}};
}

inline Json scenario(double durationS, double warmupS, std::uint64_t seed = 1) {
    return {{"version", 1},
            {"seed", seed},
            {"duration_s", durationS},
            {"warmup_s", warmupS},
            {"components", Json::array()},
            {"links", Json::array()}};
}

inline void addComponent(Json& s, const std::string& id, const std::string& type, Json params) {
    params["id"] = id;
    params["type"] = type;
    s["components"].push_back(std::move(params));
}

inline void addLink(Json& s, const std::string& from, const std::string& to, Json params = {}) {
    if (params.is_null()) params = Json::object();
    params["from"] = from;
    params["to"] = to;
    s["links"].push_back(std::move(params));
}

inline Json run(const Json& s) {
    return run::runScenario(model::parseScenario(s.dump()));
}

/// A client sending Poisson traffic at `rps` straight to one service (no network delay).
inline Json singleStation(double rps, int workers, const Json& serviceTime, double durationS,
                          double warmupS, long queueCapacity = -1, std::uint64_t seed = 1) {
    Json s = scenario(durationS, warmupS, seed);
    addComponent(s, "clients", "client", {{"rps", rps}, {"read_ratio", 1.0}});
    addComponent(
        s, "server", "service",
        {{"workers", workers}, {"service_time", serviceTime}, {"queue_capacity", queueCapacity}});
    addLink(s, "clients", "server");
    return s;
}

inline double relativeError(double measured, double expected) {
    return std::abs(measured - expected) / std::abs(expected);
}

} // namespace sdlab::test
