#include "message_queue.h"

#include "fault_gate.h"

#include "metrics/latency_json.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

namespace sdlab::components {

namespace {

void bump(const sim::Simulation& sim, ConsumerGroup& g, std::uint64_t GroupCounts::*field,
          std::uint64_t n = 1) {
    g.total.*field += n;
    if (sim.measuring()) g.window.*field += n;
}

} // namespace

MessageQueue::MessageQueue(std::string id, sim::Index index, const Config& config, sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng)) {}

void MessageQueue::connectGroups(const sim::Simulation& sim) {
    for (sim::Index l : outLinks()) {
        groups_.emplace_back(l, config_.partitions, config_.consumers);
        downstream_.push_back(sim.link(l).to);
        names_.push_back(sim.component(sim.link(l).to).id());
    }
}

void MessageQueue::start(sim::Simulation& sim) {
    if (config_.commitInterval > 0 && !groups_.empty())
        sim.schedule(config_.commitInterval, sim::EventKind::Timer, index(), Commit);
}

int MessageQueue::workers() const {
    return config_.consumers * int(outLinks().size());
}

sim::Index MessageQueue::groupOf(sim::Index component) const {
    for (std::size_t g = 0; g < groups_.size(); ++g)
        if (downstream_[g] == component) return sim::Index(g);
    return sim::kNone;
}

// --- producers ----------------------------------------------------------------------------

void MessageQueue::onArrive(sim::Simulation& sim, sim::Index frame) {
    ++counters.arrivals;
    if (failIfFaulty(sim, *this, frame, rng_)) return;
    counters.inside.add(1, sim.now());
    sim.schedule(config_.appendTime.sample(rng_) * faults.slowFactor, sim::EventKind::ServiceDone,
                 index(), frame);
}

bool MessageQueue::full(const ConsumerGroup& g) const {
    return config_.maxBacklog >= 0 && g.waiting() >= std::uint64_t(config_.maxBacklog);
}

void MessageQueue::onServiceDone(sim::Simulation& sim, sim::Index frame) {
    counters.inside.add(-1, sim.now());
    if (faults.down) { // crashed before the message was stored
        sim.respond(frame, false, sim::Outcome::Crashed);
        return;
    }
    if (config_.overflow == Overflow::RejectNew &&
        std::any_of(groups_.begin(), groups_.end(), [&](const auto& g) { return full(g); })) {
        ++counters.rejected;
        sim.respond(frame, false, sim::Outcome::Rejected);
        return;
    }
    ++counters.completed;
    if (sim.measuring()) latency.record((sim.now() - sim.frame(frame).arrived) * 1000.0);
    publish(sim, sim.requestOf(frame));
    sim.respond(frame, true); // the producer's fast ack: consumers work on it later
}

void MessageQueue::publish(sim::Simulation& sim, const sim::Request& request) {
    if (groups_.empty()) return; // nobody subscribes: the message is not kept
    const sim::Index m = messages_.acquire();
    messages_[m] = {sim.now(), request.key, request.kind, std::uint16_t(groups_.size())};
    const auto partition = sim::Index(sim::mix64(request.key) % std::uint64_t(config_.partitions));
    const ConsumerGroup::Entry entry{nextSeq_++, m};
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        ConsumerGroup& group = groups_[g];
        group.append(partition, entry);
        bump(sim, group, &GroupCounts::published);
        dispatch(sim, sim::Index(g));
        if (config_.maxBacklog >= 0 && group.waiting() > std::uint64_t(config_.maxBacklog)) {
            const sim::Index dropped = group.dropOldestWaiting();
            bump(sim, group, &GroupCounts::dropped);
            forget(dropped);
        }
    }
    updateBacklog(sim);
}

// --- consumers ----------------------------------------------------------------------------

void MessageQueue::dispatch(sim::Simulation& sim, sim::Index g) {
    ConsumerGroup& group = groups_[g];
    if (faults.down || group.stopped()) return;
    for (sim::Index p = group.take(); p != sim::kNone; p = group.take()) {
        const Message& message = messages_[group.head(p).message];
        const sim::Index root = sim.startRequest(index(), message.kind, message.key,
                                                 std::numeric_limits<sim::Time>::infinity());
        const sim::Index d = deliveries_.acquire();
        deliveries_[d] = {g, p};
        sim.frame(root).step = d;
        counters.busy.set(++consuming_, sim.now());
        sim.schedule(0, sim::EventKind::Timer, index(), Deliver | root);
    }
}

void MessageQueue::dispatchAll(sim::Simulation& sim) {
    for (std::size_t g = 0; g < groups_.size(); ++g)
        dispatch(sim, sim::Index(g));
}

void MessageQueue::onTimer(sim::Simulation& sim, sim::Index payload) {
    const std::uint32_t value = payload & ~kTimerMask;
    switch (payload & kTimerMask) {
    case Deliver:
        sim.call(value, groups_[deliveries_[sim.frame(value).step].group].link());
        return;
    case Commit:
        // A dead consumer commits nothing, and a dead broker takes no commits.
        for (std::size_t g = 0; g < groups_.size() && !faults.down; ++g)
            if (!sim.component(downstream_[g]).faults.down) commit(groups_[g], sim::kNone);
        sim.schedule(config_.commitInterval, sim::EventKind::Timer, index(), Commit);
        return;
    default: { // Release
        const auto g = sim::Index(value / std::uint32_t(config_.partitions));
        groups_[g].release(value % std::uint32_t(config_.partitions));
        dispatch(sim, g);
    }
    }
}

void MessageQueue::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    const Delivery d = deliveries_[sim.frame(frame).step];
    const sim::Outcome cause = sim.frame(frame).lastOutcome;
    deliveries_.release(sim.frame(frame).step);
    sim.finishRequest(frame);
    counters.busy.set(--consuming_, sim.now());
    settle(sim, d.group, d.partition, ok, cause);
    updateBacklog(sim);
    dispatch(sim, d.group);
}

void MessageQueue::settle(sim::Simulation& sim, sim::Index g, sim::Index p, bool ok,
                          sim::Outcome cause) {
    ConsumerGroup& group = groups_[g];
    ConsumerGroup::Entry& entry = group.head(p);
    if (ok) {
        if (++entry.successes > 1) {
            bump(sim, group, &GroupCounts::duplicates);
        } else {
            bump(sim, group, &GroupCounts::processed);
            if (sim.measuring())
                group.endToEnd.record((sim.now() - messages_[entry.message].published) * 1000.0);
        }
    }
    // The consumer died after the work but before its ack (or the broker was down to take
    // it), or died before the work: either way the partition goes back to its last commit.
    const bool consumerLost =
        ok ? faults.down || sim.component(downstream_[g]).faults.down
           : cause == sim::Outcome::Crashed || cause == sim::Outcome::Partitioned;
    if (ok && !consumerLost) {
        group.processed(p);
        if (config_.commitInterval <= 0) commit(group, p);
        return;
    }
    if (consumerLost) {
        bump(sim, group, &GroupCounts::redeliveries, group.rewind(p));
        holdBack(sim, g, p);
        return;
    }
    if (++entry.attempts < config_.maxAttempts) {
        group.failed(p);
        bump(sim, group, &GroupCounts::redeliveries);
        holdBack(sim, g, p);
        return;
    }
    const sim::Index message = entry.message;
    group.deadLetter(p);
    bump(sim, group, &GroupCounts::deadLettered);
    forget(message);
}

void MessageQueue::holdBack(sim::Simulation& sim, sim::Index g, sim::Index p) {
    sim.schedule(config_.redeliveryDelay, sim::EventKind::Timer, index(),
                 Release | (g * std::uint32_t(config_.partitions) + p));
}

void MessageQueue::commit(ConsumerGroup& g, sim::Index partition) {
    g.commit(partition, [this](sim::Index message) { forget(message); });
}

void MessageQueue::forget(sim::Index message) {
    if (--messages_[message].holders == 0) messages_.release(message);
}

void MessageQueue::updateBacklog(sim::Simulation& sim) {
    std::uint64_t backlog = 0;
    for (const auto& g : groups_)
        backlog += g.backlog();
    counters.queued.set(double(backlog), sim.now());
}

// --- faults -------------------------------------------------------------------------------

void MessageQueue::onFaultsChanged(sim::Simulation& sim) {
    if (!faults.down) dispatchAll(sim); // back from a crash: consumers fetch again
}

void MessageQueue::stopConsumers(sim::Simulation& sim, const std::vector<sim::Index>& which,
                                 bool stopped) {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        if (!which.empty() && std::find(which.begin(), which.end(), downstream_[g]) == which.end())
            continue;
        groups_[g].setStopped(stopped);
        if (!groups_[g].stopped()) dispatch(sim, sim::Index(g));
    }
}

// --- reports ------------------------------------------------------------------------------

void MessageQueue::reportExtra(nlohmann::ordered_json& out,
                               const metrics::CounterSnapshot& window) const {
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        const ConsumerGroup& group = groups_[g];
        const GroupCounts& w = group.window;
        nlohmann::ordered_json lag = nlohmann::ordered_json::array();
        std::uint64_t maxLag = 0;
        for (std::size_t p = 0; p < group.partitions(); ++p) {
            lag.push_back(group.lag(sim::Index(p)));
            maxLag = std::max(maxLag, group.lag(sim::Index(p)));
        }
        groups[names_[g]] = {
            {"consumers", group.consumers()},
            {"stopped", group.stopped()},
            {"published", w.published},
            {"processed", w.processed},
            {"throughput_rps", window.time > 0 ? double(w.processed) / window.time : 0.0},
            {"duplicates", w.duplicates},
            {"redeliveries", w.redeliveries},
            {"dead_lettered", w.deadLettered},
            {"dropped", w.dropped},
            {"backlog", group.backlog()},
            {"backlog_max", group.maxBacklog},
            {"lag", {{"total", group.lag()}, {"max", maxLag}, {"per_partition", std::move(lag)}}},
            {"end_to_end_latency_ms", metrics::latencySummaryJson(group.endToEnd)}};
    }
    out["queue"] = {{"ack_latency_ms", metrics::latencySummaryJson(latency)},
                    {"stored", messages_.inUse()},
                    {"groups", std::move(groups)}};
}

std::vector<std::string> MessageQueue::seriesNames() const {
    std::vector<std::string> names;
    for (const auto& name : names_)
        names.push_back(name + ".processed");
    return names;
}

std::vector<std::uint64_t> MessageQueue::seriesTotals() const {
    std::vector<std::uint64_t> totals;
    for (const auto& g : groups_)
        totals.push_back(g.total.processed);
    return totals;
}

std::vector<std::string> MessageQueue::gaugeNames() const {
    std::vector<std::string> names;
    for (const auto& name : names_) {
        names.push_back(name + ".backlog");
        names.push_back(name + ".lag");
    }
    return names;
}

std::vector<double> MessageQueue::gauges() const {
    std::vector<double> values;
    for (const auto& g : groups_) {
        values.push_back(double(g.backlog()));
        values.push_back(double(g.lag()));
    }
    return values;
}

} // namespace sdlab::components
