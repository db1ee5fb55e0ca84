#pragma once

#include "model/scenario.h"
#include "sim/simulation.h"

#include <QColor>
#include <QString>
#include <vector>

namespace sdlab::widgets {

/// A fault as it happened in a run: from its start to its end (infinity while in force).
struct FaultSpan {
    sim::Index fault;
    double start;
    double end;
};

/// Every fault that has started so far, read from the simulation's fault log, in start order.
std::vector<FaultSpan> faultSpans(const sim::Simulation& sim);
/// The faults in force now.
std::vector<sim::Index> activeFaults(const sim::Simulation& sim);
/// "Crash api-a", "Slow ×5 payments", "Cut lb ↔ api-b": what a fault does, for people.
QString faultText(const sim::Fault& fault, const model::Scenario& scenario);
/// One colour per kind of fault, shared by the timeline and the canvas badges.
QColor faultColor(sim::Fault::Kind kind);

} // namespace sdlab::widgets
