#include "scenario.h"

#include "scenario_error.h"

#include <sstream>

namespace sdlab::model {

int Scenario::indexOf(const std::string& id) const {
    for (std::size_t i = 0; i < components.size(); ++i)
        if (components[i].id == id) return int(i);
    return -1;
}

int Scenario::zoneIndexOf(const std::string& id) const {
    for (std::size_t i = 0; i < zones.size(); ++i)
        if (zones[i].id == id) return int(i);
    return -1;
}

std::string ScenarioError::describe(const std::string& fileName) const {
    std::ostringstream out;
    out << fileName;
    if (line_ > 0) out << ':' << line_ << ':' << column_;
    out << ": ";
    if (!path_.empty()) out << path_ << ": ";
    out << what();
    return out.str();
}

} // namespace sdlab::model
