#include "run_scenario.h"

#include "live_run.h"

namespace sdlab::run {

model::Json runScenario(const model::Scenario& scenario, SampleSink* sink, double sampleInterval) {
    LiveRun run(scenario, sink, sampleInterval);
    run.advanceTo(scenario.durationS);
    return run.report();
}

} // namespace sdlab::run
