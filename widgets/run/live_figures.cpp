#include "live_figures.h"

#include "components/database.h"
#include "components/message_queue.h"
#include "components/station.h"

namespace sdlab::widgets {

namespace {

NodeFigures::Role roleOf(const sim::Component& c) {
    const auto* db = dynamic_cast<const components::Database*>(&c);
    if (!db || !db->group()) return NodeFigures::Role::None;
    return db->group()->isPrimary(c.index()) ? NodeFigures::Role::Primary
                                             : NodeFigures::Role::Replica;
}

/// A message queue's messages waiting, over all its consumer groups ("<g>.backlog" gauges).
double backlogOf(const components::MessageQueue& queue) {
    const auto names = queue.gaugeNames();
    const auto values = queue.gauges();
    double sum = 0;
    for (std::size_t k = 0; k < names.size() && k < values.size(); ++k)
        if (names[k].ends_with(".backlog")) sum += values[k];
    return sum;
}

} // namespace

const std::vector<NodeFigures>& LiveFigures::read(const model::Scenario& scenario,
                                                  const sim::Simulation& sim) {
    const std::size_t n = sim.componentCount();
    const double now = sim.now();
    // A restart moves the clock back: start over rather than difference across runs.
    if (last_.size() != n || (n && last_.front().time > now)) {
        last_.assign(n, metrics::CounterSnapshot{});
        figures_.assign(n, NodeFigures{});
    }
    for (std::size_t i = 0; i < n; ++i) {
        const sim::Component& c = sim.component(sim::Index(i));
        NodeFigures& f = figures_[i];
        const auto snap = c.counters.snapshot(now);
        const auto window = snap - last_[i];
        if (window.time > 0) {
            f.interval = window.time;
            f.workers = c.workers();
            f.utilisation = metrics::utilization(window, f.workers);
            f.queue = window.queueArea / window.time;
            f.reads = window.reads;
            f.hitRatio = window.reads ? double(window.readHits) / double(window.reads) : -1;
            last_[i] = snap;
        }
        const auto& spec = scenario.components[i];
        if (spec.type != "cache" && spec.type != "cdn") f.hitRatio = -1; // others count no hits
        if (const auto* queue = dynamic_cast<const components::MessageQueue*>(&c)) {
            f.queue = backlogOf(*queue);
            f.backlog = true;
        }
        if (spec.type == "service") {
            if (const auto* s = dynamic_cast<const components::Station*>(&c))
                f.instances = s->runningInstances();
            f.replicas = spec.params.value("replicas", 1);
        }
        f.role = roleOf(c);
        f.faults = c.faults;
    }
    return figures_;
}

} // namespace sdlab::widgets
