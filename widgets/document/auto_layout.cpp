#include "auto_layout.h"

#include "analysis/topology_check.h"
#include "document.h"

#include <algorithm>
#include <map>
#include <vector>

namespace sdlab::widgets {

namespace {
constexpr int kColumnWidth = 260;
constexpr int kRowHeight = 110;
} // namespace

bool layOutIfUnplaced(model::Scenario& s) {
    for (const auto& c : s.components)
        if (c.ui.contains("x") && c.ui.contains("y")) return false;
    // Depth = longest chain of calls from a client (relaxed |V| times: loops stay bounded).
    std::vector<int> depth(s.components.size(), 0);
    for (std::size_t round = 0; round < s.components.size(); ++round)
        for (const auto& l : s.links) {
            const int from = s.indexOf(l.from), to = s.indexOf(l.to);
            if (from >= 0 && to >= 0 && depth[std::size_t(to)] < depth[std::size_t(from)] + 1)
                depth[std::size_t(to)] =
                    std::min(depth[std::size_t(from)] + 1, int(s.components.size()));
        }
    std::map<int, int> rowsUsed;
    std::map<int, int> rowsInColumn;
    for (int d : depth)
        ++rowsInColumn[d];
    const int tallest =
        std::max_element(rowsInColumn.begin(), rowsInColumn.end(), [](auto& a, auto& b) {
            return a.second < b.second;
        })->second;
    for (std::size_t i = 0; i < s.components.size(); ++i) {
        const int d = depth[i];
        const int row = rowsUsed[d]++;
        // Centre each column against the tallest one.
        const double offset = (tallest - rowsInColumn[d]) * kRowHeight / 2.0;
        Document::setPosition(s.components[i],
                              QPointF(d * kColumnWidth, offset + row * kRowHeight));
    }
    return true;
}

} // namespace sdlab::widgets
