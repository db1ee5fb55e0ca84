#include "topology_analysis.h"

#include "topology_check.h"

#include "model/replication_groups.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace sdlab::analysis {

namespace {

/// Kinds of request, as bits: what a link carries (its `route`), what a client sends.
constexpr unsigned kReads = 1, kWrites = 2, kBoth = kReads | kWrites;
struct Carries {
    unsigned kinds = kBoth;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    boost::no_property, Carries>;
using Vertex = Graph::vertex_descriptor;

/// Conditioning on more shared components than this would cost 2^n passes.
constexpr std::size_t kMaxShared = 12;

/// Whether a component needs all of its downstream links to answer (a service calls each in
/// turn) or any one of them (a load balancer, a client with several entry points, a service
/// registry's instances).
bool needsAny(const model::ComponentSpec& c) {
    return c.type == "load_balancer" || c.type == "client" || c.type == "service_registry";
}

/// Whether a component answers its callers without waiting for its downstream links: a
/// message queue acknowledges producers once a message is stored, so its consumers' failures
/// delay the work but never fail the producer (they are no single point of failure for it).
bool decouples(const model::ComponentSpec& c) {
    return c.type == "message_queue";
}

unsigned routeKinds(const model::LinkSpec& l) {
    const std::string route = l.params.value("route", "all");
    return route == "reads" ? kReads : route == "writes" ? kWrites : kBoth;
}

/// The kinds a client sends: its requests can all be served when both paths work, or the one
/// path of a client that only reads or only writes.
unsigned clientKinds(const model::ComponentSpec& c) {
    const double readRatio = c.params.value("read_ratio", 0.5);
    return (readRatio > 0 ? kReads : 0u) | (readRatio < 1 ? kWrites : 0u);
}

double upProbability(const model::ComponentSpec& c) {
    if (!c.params.contains("availability")) return 1.0;
    const double a = c.params["availability"].get<double>();
    const int replicas = c.params.contains("replicas") ? c.params["replicas"].get<int>() : 1;
    const int shards = c.params.contains("shards") ? c.params["shards"].get<int>() : 1;
    // Replicas are alternatives; shards are all needed (each holds its part of the data).
    return std::pow(1.0 - std::pow(1.0 - a, replicas), shards);
}

struct Model {
    const model::Scenario& s;
    Graph g;
    std::vector<Vertex> childrenFirst; ///< reverse topological order
    std::vector<Vertex> clients;
    std::vector<std::size_t> groupOf; ///< replication group's first member, per component
    std::vector<unsigned> kinds;      ///< per client (same order): the kinds it sends
};

std::size_t groupSize(const Model& m, std::size_t v) {
    return std::size_t(std::count(m.groupOf.begin(), m.groupOf.end(), m.groupOf[v]));
}

/// A replication group (drawn as its first member) serves while enough members are up, with
/// failover taken as instant: a CP group needs a quorum — half of them, rounded up, the
/// failover manager breaking a tie — an AP group any one. P(at least k of n up), exactly.
double groupUpProbability(const Model& m, std::size_t first, const std::vector<double>& up) {
    std::vector<double> upCount = {1.0}; // upCount[j]: P(j of the members so far are up)
    std::size_t n = 0;
    for (std::size_t i = 0; i < m.groupOf.size(); ++i) {
        if (m.groupOf[i] != first) continue;
        ++n;
        std::vector<double> next(upCount.size() + 1, 0.0);
        for (std::size_t j = 0; j < upCount.size(); ++j) {
            next[j] += upCount[j] * (1.0 - up[i]);
            next[j + 1] += upCount[j] * up[i];
        }
        upCount = std::move(next);
    }
    const bool cp = m.s.components[first].params.value("cap", "CP") == "CP";
    const std::size_t k = cp ? (n + 1) / 2 : 1;
    double p = 0;
    for (std::size_t j = k; j <= n; ++j)
        p += upCount[j];
    return p;
}

/// P(component serves requests of `kinds`) for every component, given each one's probability
/// of being up; exact when no two paths share a component whose probability is strictly
/// between 0 and 1. Only the links that carry those kinds count: a read-only client does not
/// need the write store. A component needs every such link (a service's calls, sequential or
/// parallel alike) or any one of them (a load balancer's or a client's alternatives).
std::vector<double> serveProbability(const Model& m, const std::vector<double>& up,
                                     unsigned kinds) {
    std::vector<double> works(boost::num_vertices(m.g), 0.0);
    for (Vertex v : m.childrenFirst) {
        const bool any = needsAny(m.s.components[v]);
        bool calls = false;
        double allFail = 1.0, allWork = 1.0;
        // A queue's consumers never hold up its producers: it waits for no link.
        for (auto [e, last] = boost::out_edges(v, m.g); e != last && !decouples(m.s.components[v]);
             ++e) {
            if (!(m.g[*e].kinds & kinds)) continue;
            calls = true;
            allFail *= 1.0 - works[boost::target(*e, m.g)];
            allWork *= works[boost::target(*e, m.g)];
        }
        const double combined = !calls ? (any ? 0.0 : 1.0) // nothing to forward to
                                : any  ? 1.0 - allFail
                                       : allWork;
        works[v] = up[v] * combined;
    }
    return works;
}

/// Each client's probability of being served (in m.clients' order).
std::vector<double> clientsServed(const Model& m, const std::vector<double>& up) {
    std::vector<double> served(m.clients.size());
    std::vector<double> byKinds[kBoth + 1];
    for (std::size_t c = 0; c < m.clients.size(); ++c) {
        auto& works = byKinds[m.kinds[c]];
        if (works.empty()) works = serveProbability(m, up, m.kinds[c]);
        served[c] = works[m.clients[c]];
    }
    return served;
}

/// Components reachable from any of `roots` (roots included).
std::vector<bool> reachableFrom(const Model& m, const std::vector<Vertex>& roots) {
    std::vector<bool> seen(boost::num_vertices(m.g), false);
    std::vector<boost::default_color_type> colour(boost::num_vertices(m.g));
    for (Vertex c : roots) {
        std::vector<Vertex> found;
        struct Recorder : boost::default_bfs_visitor {
            std::vector<Vertex>* out;
            void discover_vertex(Vertex v, const Graph&) const { out->push_back(v); }
        } recorder;
        recorder.out = &found;
        std::fill(colour.begin(), colour.end(), boost::white_color);
        boost::breadth_first_search(m.g, c, boost::visitor(recorder).color_map(colour.data()));
        for (Vertex v : found)
            seen[v] = true;
    }
    return seen;
}

/// The worst client's probability of being served. Series/parallel formulas assume the paths
/// they combine are independent; a component reached by two links (and everything below it)
/// breaks that, so the up/down state of each such component is enumerated and the formulas
/// are applied to what remains, which is then a tree: exact, when there are few enough.
double worstClientAvailability(const Model& m, const std::vector<bool>& reachable, bool& exact) {
    const std::size_t n = boost::num_vertices(m.g);
    std::vector<double> up(n);
    std::vector<Vertex> joins;
    for (Vertex v = 0; v < n; ++v)
        up[v] = upProbability(m.s.components[v]);
    for (Vertex v = 0; v < n; ++v)
        if (m.groupOf[v] == v && groupSize(m, v) > 1) up[v] = groupUpProbability(m, v, up);
    for (Vertex v = 0; v < n; ++v) {
        std::size_t parents = 0;
        for (auto [e, end] = boost::in_edges(v, m.g); e != end; ++e)
            parents += reachable[boost::source(*e, m.g)];
        if (reachable[v] && parents >= 2) joins.push_back(v);
    }
    const auto belowJoins = reachableFrom(m, joins);
    std::vector<Vertex> shared;
    for (Vertex v = 0; v < n; ++v)
        if (belowJoins[v] && up[v] < 1.0) shared.push_back(v);
    exact = shared.size() <= kMaxShared;
    if (!exact) shared.clear();
    std::vector<double> perClient(m.clients.size(), 0.0);
    for (std::size_t state = 0; state < (std::size_t(1) << shared.size()); ++state) {
        std::vector<double> fixed = up;
        double weight = 1.0;
        for (std::size_t i = 0; i < shared.size(); ++i) {
            const bool isUp = (state >> i) & 1;
            weight *= isUp ? up[shared[i]] : 1.0 - up[shared[i]];
            fixed[shared[i]] = isUp ? 1.0 : 0.0;
        }
        const auto served = clientsServed(m, fixed);
        for (std::size_t c = 0; c < m.clients.size(); ++c)
            perClient[c] += weight * served[c];
    }
    return *std::min_element(perClient.begin(), perClient.end());
}

} // namespace

TopologyAnalysis analyzeTopology(const model::Scenario& s) {
    TopologyAnalysis out;
    Model m{s, Graph(s.components.size()), {}, {}, model::replicationGroupOf(s), {}};
    // A replication group answers as one store (after a failover, through any member): calls
    // to a member are calls to the group, drawn as its first member.
    for (const auto& l : s.links) // an editor may ask mid-edit: skip links with a missing end
        if (const int from = s.indexOf(l.from), to = s.indexOf(l.to);
            from >= 0 && to >= 0 && !model::isReplicationLink(s, l))
            boost::add_edge(Vertex(from), Vertex(m.groupOf[std::size_t(to)]),
                            Carries{routeKinds(l)}, m.g);
    for (std::size_t i = 0; i < s.components.size(); ++i)
        if (s.components[i].type == "client") {
            m.clients.push_back(i);
            m.kinds.push_back(clientKinds(s.components[i]));
        }

    auto reachable = reachableFrom(m, m.clients);
    for (std::size_t i = 0; i < s.components.size(); ++i)
        reachable[i] = reachable[m.groupOf[i]];
    for (std::size_t i = 0; i < s.components.size(); ++i)
        if (!reachable[i]) out.unreachable.push_back(s.components[i].id);
    out.loops = callCycles(s);
    if (!out.loops.empty() || m.clients.empty()) return out;

    boost::topological_sort(m.g, std::back_inserter(m.childrenFirst));
    std::vector<double> up(s.components.size(), 1.0);
    const auto healthy = clientsServed(m, up);
    for (std::size_t v = 0; v < s.components.size(); ++v) {
        const auto& c = s.components[v];
        if (c.type == "client" || !reachable[v] || groupSize(m, v) > 1 ||
            (c.params.contains("replicas") && c.params["replicas"].get<int>() > 1))
            continue;
        up[v] = 0.0;
        const auto broken = clientsServed(m, up);
        up[v] = 1.0;
        for (std::size_t client = 0; client < m.clients.size(); ++client)
            if (healthy[client] > 0 && broken[client] == 0) {
                out.singlePointsOfFailure.push_back(c.id);
                break;
            }
    }
    for (std::size_t client = 0; client < m.clients.size(); ++client)
        if (healthy[client] == 0) out.unservedClients.push_back(s.components[m.clients[client]].id);
    if (out.unservedClients.empty())
        out.availability = worstClientAvailability(m, reachable, out.availabilityExact);
    return out;
}

std::string downtimePerYear(double availability) {
    const double hours = (1.0 - availability) * 365.25 * 24;
    char buf[64];
    if (hours >= 48)
        std::snprintf(buf, sizeof buf, "%.0f days", hours / 24);
    else if (hours >= 1)
        std::snprintf(buf, sizeof buf, "%.1f hours", hours);
    else if (hours * 60 >= 1)
        std::snprintf(buf, sizeof buf, "%.0f minutes", hours * 60);
    else
        std::snprintf(buf, sizeof buf, "%.0f seconds", hours * 3600);
    return buf;
}

} // namespace sdlab::analysis
