#include "run_recorder.h"

#include "components/client.h"
#include "components/database.h"
#include "components/station.h"
#include "metrics/latency_json.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sdlab::run {

using model::Json;

namespace {

double rounded(double x) {
    return std::round(x * 1e6) / 1e6;
}

double ratio(double a, double b) {
    return b > 0 ? a / b : 0.0;
}

/// The contract's failure causes, by name: the report's `errors_by_cause` and the time
/// series' `errors.<cause>` columns.
constexpr std::pair<const char*, sim::Outcome> kCauses[] = {
    {"timeout", sim::Outcome::Timeout},           {"breaker_open", sim::Outcome::BreakerOpen},
    {"rate_limited", sim::Outcome::RateLimited},  {"rejected", sim::Outcome::Rejected},
    {"crashed", sim::Outcome::Crashed},           {"partitioned", sim::Outcome::Partitioned},
    {"injected", sim::Outcome::Injected},         {"hop_limit", sim::Outcome::HopLimit},
    {"bulkhead_full", sim::Outcome::BulkheadFull}};

Json errorsByCause(const metrics::CounterSnapshot& c) {
    Json out = Json::object();
    for (const auto& [name, outcome] : kCauses)
        out[name] = c.failedBy[std::size_t(outcome)];
    return out;
}

/// 0 closed, 1 half open, 2 open: higher is worse, for charts.
int stateCode(policies::CircuitBreaker::State s) {
    return s == policies::CircuitBreaker::State::Closed     ? 0
           : s == policies::CircuitBreaker::State::HalfOpen ? 1
                                                            : 2;
}

bool isCache(const model::ComponentSpec& spec) {
    return spec.type == "cache" || spec.type == "cdn";
}

/// Services may change their number of instances (autoscaling, the GUI): they report it.
const components::Station* scalable(const model::ComponentSpec& spec, const sim::Component& c) {
    return spec.type == "service" ? dynamic_cast<const components::Station*>(&c) : nullptr;
}

/// `instances` and `scaling` of a service's report, over [from, to].
void reportInstances(Json& out, const metrics::InstanceLog& log, double from, double to) {
    const auto range = log.range(from, to);
    out["instances"] = {{"start", log.at(from)},
                        {"min", range.min},
                        {"max", range.max},
                        {"mean", rounded(ratio(log.area(from, to), to - from))},
                        {"end", log.at(to)}};
    Json changes = Json::array();
    for (const auto& c : log.changes())
        changes.push_back({rounded(c.time), c.from, c.to});
    out["scaling"] = std::move(changes);
}

} // namespace

Json RunRecorder::faultEvents() const {
    static constexpr const char* kKinds[] = {
        "crash", "slow", "errors", "partition", "cache_flush", "packet_loss", "consumer_stop"};
    auto names = [&](const std::vector<sim::Index>& ids) {
        Json list = Json::array();
        for (sim::Index c : ids)
            list.push_back(sim_.component(c).id());
        return list;
    };
    Json events = Json::array();
    for (const auto& e : sim_.faultLog()) {
        const sim::Fault& f = sim_.fault(e.fault);
        // Scheduled faults keep the file's words (a zone outage); injected ones the engine's.
        const model::FaultSpec* spec =
            e.fault < scenario_.faults.size() ? &scenario_.faults[e.fault] : nullptr;
        Json j = {{"t_s", rounded(e.time)},
                  {"event", e.started ? "start" : "end"},
                  {"fault", e.fault},
                  {"kind", spec ? spec->kind : kKinds[int(f.kind)]}};
        if (spec && !spec->zone.empty()) j["zone"] = spec->zone;
        j["targets"] = names(f.targets);
        if (!f.peers.empty())
            j[f.kind == sim::Fault::Kind::ConsumerStop ? "groups" : "peers"] = names(f.peers);
        if (f.instance >= 0) j["instance"] = f.instance;
        events.push_back(std::move(j));
    }
    return events;
}

const components::ReplicationGroup* RunRecorder::replicationGroup(sim::Index c) const {
    const auto* db = dynamic_cast<const components::Database*>(&sim_.component(c));
    return db ? db->group() : nullptr;
}

RunRecorder::RunRecorder(const model::Scenario& scenario, sim::Simulation& simulation)
    : scenario_(scenario)
    , sim_(simulation) {
    for (std::size_t i = 0; i < sim_.componentCount(); ++i) {
        if (auto* c = dynamic_cast<components::Client*>(&sim_.component(sim::Index(i))))
            clients_.push_back(c);
        atWarmup_.push_back(sim_.component(sim::Index(i)).counters.snapshot(0));
        seriesAtLastSample_.push_back(sim_.component(sim::Index(i)).seriesTotals());
    }
    atLastSample_ = atWarmup_;
}

std::vector<std::string> RunRecorder::columns() const {
    std::vector<std::string> cols = {"time_s",          "sent",           "completed",
                                     "failed",          "throughput_rps", "error_rate",
                                     "latency_mean_ms", "latency_p50_ms", "latency_p95_ms",
                                     "latency_p99_ms",  "in_flight"};
    for (const auto& [name, outcome] : kCauses)
        cols.push_back(std::string("errors.") + name);
    for (std::size_t i = 0; i < scenario_.components.size(); ++i) {
        const auto& c = scenario_.components[i];
        if (c.type == "client") continue;
        for (const char* col :
             {".arrivals", ".rejected", ".failed", ".utilization", ".queue_length"})
            cols.push_back(c.id + col);
        if (isCache(c)) cols.push_back(c.id + ".hit_ratio");
        if (replicationGroup(sim::Index(i)))
            for (const char* col : {".primary", ".stale_reads", ".lost_writes"})
                cols.push_back(c.id + col);
        for (const auto& name : sim_.component(sim::Index(i)).seriesNames())
            cols.push_back(c.id + "." + name);
        for (const auto& name : sim_.component(sim::Index(i)).gaugeNames())
            cols.push_back(c.id + "." + name);
        if (c.type == "service") cols.push_back(c.id + ".instances");
    }
    for (std::size_t l = 0; l < sim_.linkCount(); ++l)
        if (sim_.link(sim::Index(l)).breaker) cols.push_back(linkName(l) + ".breaker_state");
    return cols;
}

std::array<std::uint64_t, 5> RunRecorder::linkAtWarmup(std::size_t l) const {
    return l < linksAtWarmup_.size() ? linksAtWarmup_[l] : std::array<std::uint64_t, 5>{};
}

std::string RunRecorder::linkName(std::size_t l) const {
    const auto& link = scenario_.links[l];
    return link.from + "->" + link.to;
}

std::vector<double> RunRecorder::sample() {
    const double now = sim_.now();
    std::vector<metrics::CounterSnapshot> current;
    for (std::size_t i = 0; i < sim_.componentCount(); ++i)
        current.push_back(sim_.component(sim::Index(i)).counters.snapshot(now));

    metrics::CounterSnapshot e2e;
    metrics::LatencyHistogram latency;
    for (auto* c : clients_) {
        const auto d = current[c->index()] - atLastSample_[c->index()];
        e2e.arrivals += d.arrivals;
        e2e.completed += d.completed;
        e2e.failed += d.failed;
        for (std::size_t k = 0; k < d.failedBy.size(); ++k)
            e2e.failedBy[k] += d.failedBy[k];
        e2e.time = d.time;
        latency.merge(c->intervalLatency);
        c->intervalLatency.clear();
    }
    std::vector<double> row = {now,
                               double(e2e.arrivals),
                               double(e2e.completed),
                               double(e2e.failed),
                               ratio(double(e2e.completed), e2e.time),
                               ratio(double(e2e.failed), double(e2e.completed + e2e.failed)),
                               latency.mean(),
                               latency.quantile(0.50),
                               latency.quantile(0.95),
                               latency.quantile(0.99),
                               double(sim_.requestsInFlight())};
    for (const auto& [name, outcome] : kCauses)
        row.push_back(double(e2e.failedBy[std::size_t(outcome)]));
    for (std::size_t i = 0; i < scenario_.components.size(); ++i) {
        const auto& spec = scenario_.components[i];
        if (spec.type == "client") continue;
        const auto d = current[i] - atLastSample_[i];
        const sim::Component& comp = sim_.component(sim::Index(i));
        row.push_back(double(d.arrivals));
        row.push_back(double(d.rejected));
        row.push_back(double(d.failed));
        row.push_back(metrics::utilization(d, comp.workers()));
        row.push_back(ratio(d.queueArea, d.time));
        if (isCache(spec)) row.push_back(ratio(double(d.readHits), double(d.reads)));
        if (const auto* group = replicationGroup(sim::Index(i))) {
            row.push_back(group->isPrimary(sim::Index(i)) ? 1.0 : 0.0);
            row.push_back(double(d.staleReads));
            row.push_back(double(d.lostWrites));
        }
        auto totals = sim_.component(sim::Index(i)).seriesTotals();
        for (std::size_t k = 0; k < totals.size(); ++k)
            row.push_back(double(totals[k] - seriesAtLastSample_[i][k]));
        seriesAtLastSample_[i] = std::move(totals);
        for (double level : comp.gauges())
            row.push_back(level);
        if (const auto* station = scalable(spec, comp)) {
            const auto& log = station->instanceLog();
            const double from = atLastSample_[i].time;
            row.push_back(now > from ? log.area(from, now) / (now - from) : log.current());
        }
    }
    for (std::size_t l = 0; l < sim_.linkCount(); ++l)
        if (const auto* b = sim_.link(sim::Index(l)).breaker.get())
            row.push_back(double(stateCode(b->state())));
    atLastSample_ = std::move(current);
    return row;
}

void RunRecorder::beginMeasurement() {
    for (std::size_t i = 0; i < sim_.componentCount(); ++i)
        atWarmup_[i] = sim_.component(sim::Index(i)).counters.snapshot(sim_.now());
    retriesAtWarmup_ = sim_.retries();
    linksAtWarmup_.clear();
    for (std::size_t l = 0; l < sim_.linkCount(); ++l) {
        const auto& link = sim_.link(sim::Index(l));
        linksAtWarmup_.push_back(
            {link.calls, link.firstCalls, link.timeouts, link.retransmissions, link.fallbacks});
    }
    wastedAtWarmup_ = sim_.wastedAnswers();
}

RunRecorder::Totals RunRecorder::endToEnd() const {
    Totals t;
    for (const auto* c : clients_) {
        const auto d = c->counters.snapshot(sim_.now()) - atWarmup_[c->index()];
        t.counters.arrivals += d.arrivals;
        t.counters.completed += d.completed;
        t.counters.failed += d.failed;
        for (std::size_t k = 0; k < d.failedBy.size(); ++k)
            t.counters.failedBy[k] += d.failedBy[k];
        t.counters.time = d.time;
        t.latency.merge(c->latency);
    }
    return t;
}

Json RunRecorder::report() const {
    const double measured = sim_.now() - sim_.warmup();
    const Totals e2e = endToEnd();
    const auto& c = e2e.counters;
    Json out;
    out["scenario"] = scenario_.name;
    out["seed"] = scenario_.seed;
    out["duration_s"] = scenario_.durationS;
    out["warmup_s"] = scenario_.warmupS;
    out["measured_s"] = rounded(measured);
    out["end_to_end"] = {
        {"sent", c.arrivals},
        {"completed", c.completed},
        {"failed", c.failed},
        {"in_flight_at_end", sim_.requestsInFlight()},
        {"error_rate", rounded(ratio(double(c.failed), double(c.completed + c.failed)))},
        {"throughput_rps", rounded(ratio(double(c.completed), measured))},
        {"latency_ms", metrics::latencySummaryJson(e2e.latency)},
        {"errors_by_cause", errorsByCause(c)},
        {"retries", sim_.retries() - retriesAtWarmup_},
        {"wasted_answers", sim_.wastedAnswers() - wastedAtWarmup_}};

    Json& comps = out["components"] = Json::object();
    std::vector<metrics::CounterSnapshot> windows;
    for (std::size_t i = 0; i < scenario_.components.size(); ++i) {
        const auto& spec = scenario_.components[i];
        const sim::Component& comp = sim_.component(sim::Index(i));
        const auto d = windows.emplace_back(comp.counters.snapshot(sim_.now()) - atWarmup_[i]);
        Json j;
        j["type"] = spec.type;
        j["arrivals"] = d.arrivals;
        j["completed"] = d.completed;
        j["rejected"] = d.rejected;
        j["failed"] = d.failed;
        if (spec.type != "client") { // a client's failures are the end-to-end ones
            j["errors_by_cause"] = errorsByCause(d);
            j["availability"] =
                rounded(d.arrivals ? 1.0 - ratio(double(d.failed), double(d.arrivals)) : 1.0);
        }
        j["throughput_rps"] = rounded(ratio(double(d.completed), measured));
        j["utilization"] = rounded(metrics::utilization(d, comp.workers()));
        j["mean_queue_length"] = rounded(ratio(d.queueArea, measured));
        j["mean_in_component"] = rounded(ratio(d.inFlightArea, measured));
        j["latency_ms"] = metrics::latencySummaryJson(comp.latency);
        comp.reportExtra(j, d);
        if (const auto* station = scalable(spec, comp))
            reportInstances(j, station->instanceLog(), sim_.warmup(), sim_.now());
        comps[spec.id] = std::move(j);
    }
    // Per link: calls sent in the window, first attempts, timeouts; amplification = calls
    // per first attempt (1 without retries).
    Json& links = out["links"] = Json::object();
    for (std::size_t l = 0; l < sim_.linkCount(); ++l) {
        const auto& link = sim_.link(sim::Index(l));
        const auto base = linkAtWarmup(l);
        const auto calls = link.calls - base[0], first = link.firstCalls - base[1];
        links[linkName(l)] = {{"calls", calls},
                              {"first_attempts", first},
                              {"timeouts", link.timeouts - base[2]},
                              {"amplification", rounded(ratio(double(calls), double(first)))},
                              {"retransmissions", link.retransmissions - base[3]}};
    }
    Json& breakers = out["breakers"] = Json::object();
    for (std::size_t l = 0; l < sim_.linkCount(); ++l) {
        const auto* b = sim_.link(sim::Index(l)).breaker.get();
        if (!b) continue;
        Json transitions = Json::array();
        for (const auto& [t, state] : b->transitions())
            transitions.push_back({rounded(t), policies::stateName(state)});
        breakers[linkName(l)] = {
            {"transitions", std::move(transitions)},
            {"time_open_s", rounded(b->timeOpen(sim_.warmup(), sim_.now()))},
            {"fallbacks", sim_.link(sim::Index(l)).fallbacks - linkAtWarmup(l)[4]}};
    }
    out["fault_events"] = faultEvents();
    Json& groups = out["replication_groups"] = Json::array();
    std::vector<const components::ReplicationGroup*> seen;
    for (std::size_t i = 0; i < sim_.componentCount(); ++i) {
        const auto* group = replicationGroup(sim::Index(i));
        if (!group || std::find(seen.begin(), seen.end(), group) != seen.end()) continue;
        seen.push_back(group);
        Json g;
        group->report(sim_, windows, g);
        groups.push_back(std::move(g));
    }
    out["engine"] = {{"events", sim_.eventsProcessed()}};
    return out;
}

} // namespace sdlab::run
