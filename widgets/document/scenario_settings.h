#pragma once

#include <cstdint>
#include <string>

namespace sdlab::widgets {

/// The scenario-wide fields people edit when nothing is selected.
struct ScenarioSettings {
    std::string name;
    std::string description;
    std::uint64_t seed = 1;
    double durationS = 60;
    double warmupS = 0;
    bool operator==(const ScenarioSettings&) const = default;
};

} // namespace sdlab::widgets
