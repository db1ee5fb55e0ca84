#include "live_figures.h"

#include "components/api_gateway.h"
#include "components/cache.h"
#include "components/database.h"
#include "components/load_balancer.h"
#include "components/message_queue.h"
#include "components/station.h"

#include <QObject>

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

QString nameOf(const sim::Simulation& sim, sim::Index c) {
    return QString::fromStdString(sim.component(c).id());
}

/// What a lesson talks about, live: balancer and limiter state as it is now.
QStringList mechanismOf(const sim::Simulation& sim, const sim::Component& c) {
    QStringList lines;
    if (const auto* lb = dynamic_cast<const components::LoadBalancer*>(&c); lb && lb->balancer()) {
        const auto& b = *lb->balancer();
        for (std::size_t t = 0; t < b.size(); ++t) {
            QString line = QObject::tr("→ %1: %2 in flight")
                               .arg(QString::fromStdString(b.targets()[t].name))
                               .arg(b.outstanding(t));
            if (!b.isHealthy(t)) line += QObject::tr(", unhealthy");
            if (b.isEjected(t)) line += QObject::tr(", ejected");
            lines << line;
        }
        if (b.algorithm() == policies::BalancingAlgorithm::RoundRobin && b.eligibleCount() > 0)
            lines << QObject::tr("Next in turn: %1")
                         .arg(QString::fromStdString(b.targets()[b.nextInTurn()].name));
    }
    if (const auto* gw = dynamic_cast<const components::ApiGateway*>(&c))
        for (const auto& [client, headroom] : gw->limiterHeadroom(sim.now()))
            lines << (client == sim::kNone ? QObject::tr("Rate limit: %1 requests of headroom")
                                                 .arg(headroom, 0, 'f', 1)
                                           : QObject::tr("Rate limit for %1: %2 of headroom")
                                                 .arg(nameOf(sim, client))
                                                 .arg(headroom, 0, 'f', 1));
    return lines;
}

/// What takes a table (and the lines that go with it): a cache's hottest keys, a queue's
/// partitions.
std::vector<MechanismTable> tablesOf(const sim::Simulation& sim, const sim::Component& c,
                                     QStringList& lines) {
    if (const auto* cache = dynamic_cast<const components::Cache*>(&c))
        return hotKeysTables(*cache, sim.now(), lines);
    if (const auto* queue = dynamic_cast<const components::MessageQueue*>(&c))
        return partitionTables(*queue);
    return {};
}

} // namespace

const std::vector<NodeFigures>& LiveFigures::read(const model::Scenario& scenario,
                                                  const sim::Simulation& sim) {
    const std::size_t n = sim.componentCount();
    const double now = sim.now();
    // A restart moves the clock back: start over rather than difference across runs.
    if (last_.size() != n || (n && last_.front().time > now)) {
        last_.assign(n, metrics::CounterSnapshot{});
        lastLag_.assign(n, {0.0, 0});
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
        if (f.role == NodeFigures::Role::Replica) {
            const auto* db = static_cast<const components::Database*>(&c);
            const auto totals = db->group()->lagTotals(c.index());
            const auto& [sumBefore, countBefore] = lastLag_[i];
            if (totals.second > countBefore)
                f.lagMs = (totals.first - sumBefore) / double(totals.second - countBefore);
            lastLag_[i] = totals;
        } else {
            f.lagMs = -1;
        }
        f.faults = c.faults;
        // A crash of the whole service leaves its instances configured, not running.
        if (f.faults.down && f.instances > 0) f.instances = 0;
        f.mechanism = mechanismOf(sim, c);
        f.tables = tablesOf(sim, c, f.mechanism);
    }
    return figures_;
}

} // namespace sdlab::widgets
