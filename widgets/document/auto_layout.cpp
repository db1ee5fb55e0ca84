#include "auto_layout.h"

#include "analysis/topology_check.h"
#include "document.h"
#include "model/replication_groups.h"

#include <algorithm>
#include <map>
#include <vector>

namespace sdlab::widgets {

namespace {
constexpr int kColumnWidth = 340; // room on each link for its latency, rate and breaker badge
constexpr int kRowHeight = 110;
constexpr int kZoneGap = 70;
} // namespace

bool layOutIfUnplaced(model::Scenario& s) {
    for (const auto& c : s.components)
        if (c.ui.contains("x") && c.ui.contains("y")) return false;
    // Depth = longest chain of calls from a client (relaxed |V| times: loops stay bounded).
    // Replication links are not calls: a replica stands in its primary's column.
    std::vector<int> depth(s.components.size(), 0);
    for (std::size_t round = 0; round < s.components.size(); ++round)
        for (const auto& l : s.links) {
            if (model::isReplicationLink(s, l)) continue;
            const int from = s.indexOf(l.from), to = s.indexOf(l.to);
            if (from >= 0 && to >= 0 && depth[std::size_t(to)] < depth[std::size_t(from)] + 1)
                depth[std::size_t(to)] =
                    std::min(depth[std::size_t(from)] + 1, int(s.components.size()));
        }
    // A replication group stands in one column: its deepest member's.
    const std::vector<std::size_t> groupOf = model::replicationGroupOf(s);
    for (std::size_t i = 0; i < s.components.size(); ++i)
        depth[groupOf[i]] = std::max(depth[groupOf[i]], depth[i]);
    for (std::size_t i = 0; i < s.components.size(); ++i)
        depth[i] = depth[groupOf[i]];
    // Columns by depth; within one, members of a zone together, with a gap between zones so
    // that zone boxes do not overlap.
    std::map<int, std::vector<std::size_t>> columns;
    for (std::size_t i = 0; i < s.components.size(); ++i)
        columns[depth[i]].push_back(i);
    auto zoneRank = [&](std::size_t i) { return s.zoneIndexOf(s.components[i].zone); };
    std::map<int, std::vector<double>> offsets; // column → y of each member
    double tallest = 0;
    for (auto& [d, members] : columns) {
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return zoneRank(a) < zoneRank(b); });
        double y = 0;
        for (std::size_t k = 0; k < members.size(); ++k) {
            if (k > 0 && zoneRank(members[k]) != zoneRank(members[k - 1])) y += kZoneGap;
            offsets[d].push_back(y);
            y += kRowHeight;
        }
        tallest = std::max(tallest, y);
    }
    for (const auto& [d, members] : columns) {
        const double height = offsets[d].back() + kRowHeight;
        for (std::size_t k = 0; k < members.size(); ++k) // each column centred on the tallest
            Document::setPosition(
                s.components[members[k]],
                QPointF(d * kColumnWidth, (tallest - height) / 2 + offsets[d][k]));
    }
    return true;
}

} // namespace sdlab::widgets
