#pragma once

#include "model/scenario.h"
#include "sample_sink.h"

namespace sdlab::run {

/// Runs a checked scenario from time 0 to duration_s, handing the sink one row of chart
/// figures per `sampleInterval` of simulated time; returns the metrics report.
model::Json runScenario(const model::Scenario& scenario, SampleSink* sink = nullptr,
                        double sampleInterval = 1.0);

} // namespace sdlab::run
