#include "sweep.h"

#include "model/component_types.h"
#include "model/param_check.h"
#include "model/scenario_error.h"
#include "run_scenario.h"

#include <algorithm>
#include <thread>

namespace sdlab::run {

namespace {

/// The component id and parameter name a sweep path names.
std::pair<std::string, std::string> splitPath(const std::string& path) {
    std::string rest = path;
    for (const char* prefix : {"clients.", "components."})
        if (rest.rfind(prefix, 0) == 0) rest = rest.substr(std::string(prefix).size());
    const auto dot = rest.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == rest.size())
        throw model::ScenarioError("--param", "expected clients.<id>.<param> or "
                                              "components.<id>.<param>, got '" +
                                                  path + "'");
    return {rest.substr(0, dot), rest.substr(dot + 1)};
}

model::Scenario withValue(const model::Scenario& base, const SweepSpec& spec, double value) {
    model::Scenario s = base;
    const auto [id, name] = splitPath(spec.param);
    auto& c = s.components[std::size_t(s.indexOf(id))];
    model::Json given = c.params;
    given[name] = value;
    // Through the same checks as a file, so an out-of-range value is refused by name.
    c.params = model::checkComponentParams(*model::findComponentType(c.type), given,
                                           "components[" + std::to_string(s.indexOf(id)) + "]");
    return s;
}

double valueAt(const SweepSpec& spec, int i) {
    return spec.steps == 1 ? spec.from
                           : spec.from + (spec.to - spec.from) * double(i) / (spec.steps - 1);
}

SweepPoint pointOf(double value, const model::Json& report) {
    const auto& e = report["end_to_end"];
    const auto& l = e["latency_ms"];
    return {value,
            e["throughput_rps"].get<double>(),
            e["error_rate"].get<double>(),
            l["p50"].get<double>(),
            l["p99"].get<double>(),
            l["mean"].get<double>()};
}

} // namespace

void checkSweep(const model::Scenario& scenario, const SweepSpec& spec) {
    const auto [id, name] = splitPath(spec.param);
    const int index = scenario.indexOf(id);
    if (index < 0) throw model::ScenarioError("--param", "no component has id '" + id + "'");
    const auto& c = scenario.components[std::size_t(index)];
    const auto it = c.params.find(name);
    if (it == c.params.end() || !it->is_number())
        throw model::ScenarioError("--param",
                                   "a " + c.type + " has no numeric parameter '" + name + "'");
    if (spec.steps < 1 || spec.steps > 1000)
        throw model::ScenarioError("--steps", "expected 1 to 1000 points");
    withValue(scenario, spec, spec.from);
    withValue(scenario, spec, spec.to);
}

int findKnee(const std::vector<SweepPoint>& points) {
    const std::size_t n = points.size();
    if (n < 3) return -1;
    const double x0 = points.front().value, x1 = points.back().value;
    const double y0 = points.front().p99Ms, y1 = points.back().p99Ms;
    if (!(y1 >= 2 * y0) || x1 == x0) return -1; // no take-off to speak of
    // Kneedle on a convex, rising curve: the knee is where the curve sits furthest below
    // the chord — after it, latency rises faster than the load.
    int best = -1;
    double most = 0;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const double x = (points[i].value - x0) / (x1 - x0);
        const double y = (points[i].p99Ms - y0) / (y1 - y0);
        if (x - y > most) {
            most = x - y;
            best = int(i);
        }
    }
    return best;
}

SweepResult runSweep(const model::Scenario& scenario, const SweepSpec& spec, int threads,
                     const std::function<void(int, int)>& progress,
                     const std::atomic<bool>* cancel) {
    checkSweep(scenario, spec);
    const int total = spec.steps;
    std::vector<SweepPoint> points(static_cast<std::size_t>(total));
    std::vector<char> ran(static_cast<std::size_t>(total),
                          0); // not vector<bool>: threads write apart
    std::atomic<int> next{0}, done{0};
    auto worker = [&] {
        for (int i; (i = next++) < total;) {
            if (cancel && *cancel) return;
            const double value = valueAt(spec, i);
            points[std::size_t(i)] = pointOf(value, runScenario(withValue(scenario, spec, value)));
            ran[std::size_t(i)] = 1;
            const int finished = ++done;
            if (progress) progress(finished, total);
        }
    };
    if (threads <= 0) threads = int(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min(threads, total); ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    SweepResult result;
    for (int i = 0; i < total && ran[std::size_t(i)]; ++i)
        result.points.push_back(points[std::size_t(i)]);
    result.knee = findKnee(result.points);
    return result;
}

} // namespace sdlab::run
