#include "topology_check.h"

#include "model/component_types.h"
#include "model/replication_groups.h"
#include "model/scenario_error.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

namespace sdlab::analysis {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

Graph callGraph(const model::Scenario& s) {
    Graph g(s.components.size());
    for (const auto& l : s.links) {
        if (model::isReplicationLink(s, l)) continue;
        const int from = s.indexOf(l.from), to = s.indexOf(l.to);
        if (from >= 0 && to >= 0) boost::add_edge(std::size_t(from), std::size_t(to), g);
    }
    return g;
}

/// Can a request at component `c` be answered without following a link that stays inside
/// its strongly connected component? A cache (or CDN edge) can answer a hit, a message queue
/// answers before its consumers call on; a load balancer or service registry can pick a link
/// out.
bool hasWayOut(const model::Scenario& s, std::size_t c, const std::vector<int>& scc) {
    const auto& type = s.components[c].type;
    if (type == "cache" || type == "cdn" || type == "message_queue" ||
        (type == "api_gateway" && s.components[c].params.contains("cache")))
        return true;
    if (type != "load_balancer" && type != "service_registry") return false;
    for (const auto& l : s.links)
        if (l.from == s.components[c].id && scc[std::size_t(s.indexOf(l.to))] != scc[c])
            return true;
    return false;
}

std::vector<int> componentOfEach(const model::Scenario& s, int* count = nullptr) {
    const Graph g = callGraph(s);
    std::vector<int> scc(s.components.size());
    const int n = s.components.empty() ? 0 : boost::strong_components(g, scc.data());
    if (count) *count = n;
    return scc;
}

/// The members of a replication group must agree on how it replicates, and one must take writes.
void checkReplicationGroups(const model::Scenario& s) {
    const std::vector<std::size_t> groupOf = model::replicationGroupOf(s);
    for (std::size_t i = 0; i < s.components.size(); ++i) {
        const std::size_t first = groupOf[i];
        if (first == i) continue;
        for (const char* key : {"replication", "cap", "failover_detection_s", "promotion_s"})
            if (s.components[i].params.at(key) != s.components[first].params.at(key))
                throw model::ScenarioError(
                    "components[" + std::to_string(i) + "]." + key,
                    "'" + s.components[i].id + "' replicates with '" + s.components[first].id +
                        "', which has " + key + " " + s.components[first].params.at(key).dump() +
                        ": every member of a replication group needs the same");
    }
    for (std::size_t first = 0; first < s.components.size(); ++first) {
        bool grouped = false, primary = false;
        for (std::size_t i = 0; i < s.components.size(); ++i)
            if (groupOf[i] == first) {
                grouped = grouped || i != first;
                primary = primary || s.components[i].params.value("role", "primary") == "primary";
            }
        if (grouped && !primary)
            throw model::ScenarioError("components[" + std::to_string(first) + "].role",
                                       "the replication group of '" + s.components[first].id +
                                           "' has no primary: set one member's role to primary");
    }
}

} // namespace

std::vector<std::vector<std::string>> callCycles(const model::Scenario& s) {
    int count = 0;
    const std::vector<int> scc = componentOfEach(s, &count);
    auto groups = std::vector<std::vector<std::string>>(std::size_t(count));
    for (std::size_t c = 0; c < scc.size(); ++c)
        groups[std::size_t(scc[c])].push_back(s.components[c].id);
    std::vector<std::vector<std::string>> cycles;
    for (auto& group : groups)
        if (group.size() > 1) // self-links are refused when reading, so singletons are acyclic
            cycles.push_back(std::move(group));
    return cycles;
}

void checkTopology(const model::Scenario& s) {
    for (std::size_t i = 0; i < s.links.size(); ++i) {
        const auto& l = s.links[i];
        const auto* to = model::findComponentType(s.components[std::size_t(s.indexOf(l.to))].type);
        if (!to->receives)
            throw model::ScenarioError("links[" + std::to_string(i) + "].to",
                                       "'" + l.to + "' is a " + to->name +
                                           ": it sends requests and receives none");
    }
    for (std::size_t i = 0; i < s.links.size(); ++i) {
        const auto& from = s.components[std::size_t(s.indexOf(s.links[i].from))];
        if (s.links[i].params.value("route", "all") != "all" && from.type != "service" &&
            from.type != "api_gateway")
            throw model::ScenarioError("links[" + std::to_string(i) + "].route",
                                       "'" + from.id + "' is a " + from.type +
                                           ": only a service or an API gateway sends reads and "
                                           "writes different ways (use route \"all\")");
    }
    for (const auto& c : s.components) {
        const auto* type = model::findComponentType(c.type);
        int out = 0;
        for (const auto& l : s.links)
            out += l.from == c.id;
        if (type->maxOutLinks >= 0 && out > type->maxOutLinks)
            throw model::ScenarioError(
                "components[" + std::to_string(s.indexOf(c.id)) + "]",
                "a " + c.type + " forwards to at most " + std::to_string(type->maxOutLinks) +
                    " component; put a load balancer behind it to spread its traffic");
    }

    checkReplicationGroups(s);
    const std::vector<int> scc = componentOfEach(s);
    for (const auto& cycle : callCycles(s)) {
        bool wayOut = false;
        for (const auto& id : cycle)
            wayOut = wayOut || hasWayOut(s, std::size_t(s.indexOf(id)), scc);
        if (wayOut) continue;
        std::string members;
        for (const auto& id : cycle)
            members += (members.empty() ? "" : ", ") + id;
        throw model::ScenarioError("links", "routing loop with no way out: " + members +
                                                " call each other in a circle, and none of them "
                                                "can answer without calling on");
    }
}

} // namespace sdlab::analysis
