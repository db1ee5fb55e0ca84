#pragma once

#include "scenario.h"

namespace sdlab::model {

/// What a scenario schedules against its components and zones by id: faults and load
/// changes. The editor keeps it valid as components are renamed or removed (a schedule
/// naming a missing component would not load again, nor run).
struct Schedule {
    std::vector<FaultSpec> faults;
    std::vector<LoadChangeSpec> loadChanges;
};

Schedule scheduleOf(const Scenario& s);
bool sameSchedule(const Schedule& a, const Schedule& b);
/// Component `from` is now called `to`: so is every reference to it.
void renameInSchedule(Schedule& schedule, const std::string& from, const std::string& to);
/// Drops references to components and zones `s` no longer has. An entry left with nobody to
/// act on goes (it never widens: a load change on a removed client does not become one on
/// every client, nor a partition from a removed peer a cut of every link).
Schedule prunedSchedule(const Scenario& s);

} // namespace sdlab::model
