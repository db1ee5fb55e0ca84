#include "run_scenario.h"

#include "components/build_simulation.h"
#include "run_recorder.h"

#include <cmath>

namespace sdlab::run {

model::Json runScenario(const model::Scenario& scenario, SampleSink* sink, double sampleInterval) {
    auto sim = components::buildSimulation(scenario);
    RunRecorder recorder(scenario, *sim);
    if (sink) sink->begin(recorder.columns());
    sim->start();

    bool measuring = false;
    const double end = scenario.durationS;
    for (long step = 1;; ++step) {
        const double t = std::min(end, double(step) * sampleInterval);
        if (!measuring && scenario.warmupS <= t) {
            sim->runUntil(scenario.warmupS);
            recorder.beginMeasurement();
            measuring = true;
        }
        sim->runUntil(t);
        if (sink) sink->row(recorder.sample()); // sampling costs: skip it when nobody reads
        if (t >= end) break;
    }
    return recorder.report();
}

} // namespace sdlab::run
