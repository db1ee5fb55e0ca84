#include "schedule_refs.h"

#include <algorithm>

namespace sdlab::model {

namespace {

/// Removes the ids `s` has no component for; true when the list was not empty and now is.
bool keepExisting(std::vector<std::string>& ids, const Scenario& s) {
    const bool hadSome = !ids.empty();
    std::erase_if(ids, [&](const std::string& id) { return s.indexOf(id) < 0; });
    return hadSome && ids.empty();
}

void rename(std::vector<std::string>& ids, const std::string& from, const std::string& to) {
    std::replace(ids.begin(), ids.end(), from, to);
}

bool sameFault(const FaultSpec& a, const FaultSpec& b) {
    return a.kind == b.kind && a.targets == b.targets && a.peers == b.peers && a.zone == b.zone &&
           a.atS == b.atS && a.durationS == b.durationS && a.factor == b.factor &&
           a.rate == b.rate && a.instance == b.instance;
}

bool sameChange(const LoadChangeSpec& a, const LoadChangeSpec& b) {
    return a.targets == b.targets && a.atS == b.atS && a.durationS == b.durationS &&
           a.factor == b.factor && a.rps == b.rps;
}

} // namespace

Schedule scheduleOf(const Scenario& s) {
    return {s.faults, s.loadChanges};
}

bool sameSchedule(const Schedule& a, const Schedule& b) {
    return std::equal(a.faults.begin(), a.faults.end(), b.faults.begin(), b.faults.end(),
                      sameFault) &&
           std::equal(a.loadChanges.begin(), a.loadChanges.end(), b.loadChanges.begin(),
                      b.loadChanges.end(), sameChange);
}

void renameInSchedule(Schedule& schedule, const std::string& from, const std::string& to) {
    for (auto& f : schedule.faults) {
        rename(f.targets, from, to);
        rename(f.peers, from, to);
    }
    for (auto& c : schedule.loadChanges)
        rename(c.targets, from, to);
}

Schedule prunedSchedule(const Scenario& s) {
    Schedule out;
    for (FaultSpec f : s.faults) {
        if (f.kind == "zone_outage") {
            if (s.zoneIndexOf(f.zone) >= 0) out.faults.push_back(f);
            continue;
        }
        const bool noTarget = keepExisting(f.targets, s);
        const bool noPeer = keepExisting(f.peers, s); // partition, packet loss, consumer groups
        if (!noTarget && !noPeer) out.faults.push_back(f);
    }
    for (LoadChangeSpec c : s.loadChanges)
        if (!keepExisting(c.targets, s)) out.loadChanges.push_back(c);
    return out;
}

} // namespace sdlab::model
