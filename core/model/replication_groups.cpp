#include "replication_groups.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

namespace sdlab::model {

bool isReplicationLink(const Scenario& s, const LinkSpec& link) {
    const int from = s.indexOf(link.from), to = s.indexOf(link.to);
    return from >= 0 && to >= 0 && s.components[std::size_t(from)].type == "database" &&
           s.components[std::size_t(to)].type == "database";
}

std::vector<std::size_t> replicationGroupOf(const Scenario& s) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph g(s.components.size());
    for (const auto& l : s.links)
        if (isReplicationLink(s, l))
            boost::add_edge(std::size_t(s.indexOf(l.from)), std::size_t(s.indexOf(l.to)), g);
    std::vector<int> component(s.components.size());
    if (!s.components.empty()) boost::connected_components(g, component.data());
    std::vector<std::size_t> first(s.components.size());
    for (std::size_t i = 0; i < s.components.size(); ++i) {
        std::size_t j = 0;
        while (j < i && component[j] != component[i])
            ++j;
        first[i] = j;
    }
    return first;
}

} // namespace sdlab::model
