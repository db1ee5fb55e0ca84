#include "build_simulation.h"

#include "model/scenario_error.h"

#include "api_gateway.h"
#include "build_catalogue.h"
#include "cache.h"
#include "client.h"
#include "database.h"
#include "load_balancer.h"
#include "message_queue.h"
#include "saga.h"
#include "station.h"

#include "model/replication_groups.h"

#include <algorithm>
#include <cmath>

namespace sdlab::components {

using model::Json;

sim::Distribution durationFromJson(const Json& v) {
    if (v.is_number()) return sim::Distribution::deterministic(v.get<double>() / 1000.0);
    const std::string dist = v["dist"].get<std::string>();
    if (dist == "uniform")
        return sim::Distribution::uniform(v["min_ms"].get<double>() / 1000.0,
                                          v["max_ms"].get<double>() / 1000.0);
    const double mean = v["mean_ms"].get<double>() / 1000.0;
    if (dist == "exponential") return sim::Distribution::exponential(mean);
    if (dist == "lognormal") return sim::Distribution::logNormal(mean, v["cv"].get<double>());
    return sim::Distribution::deterministic(mean);
}

Station::Config stationConfig(const Json& p, const char* workers, const char* readTime,
                              const char* writeTime) {
    Station::Config c;
    c.workers = p[workers].get<int>();
    c.replicas = p.contains("replicas") ? p["replicas"].get<int>() : 1;
    c.queueCapacity = p["queue_capacity"].get<long>();
    c.readTime = durationFromJson(p[readTime]);
    c.writeTime = durationFromJson(p[writeTime]);
    c.parallelCalls = p.value("calls", "sequential") == "parallel";
    return c;
}

std::uint32_t keySpace(const model::Scenario& s) {
    std::uint32_t keys = 1;
    for (const auto& c : s.components)
        if (c.type == "client") keys = std::max(keys, c.params["keys"].get<std::uint32_t>());
    return keys;
}

namespace {

policies::AutoscalingPolicy autoscalingPolicy(const Json& a) {
    policies::AutoscalingPolicy p;
    p.metric = a["metric"] == "queue_per_instance"
                   ? policies::AutoscalingPolicy::Metric::QueuePerInstance
                   : policies::AutoscalingPolicy::Metric::Utilization;
    p.target = a["target"].get<double>();
    p.minInstances = a["min_instances"].get<int>();
    p.maxInstances = a["max_instances"].get<int>();
    p.interval = a["interval_s"].get<double>();
    p.scaleOutCooldown = a["scale_out_cooldown_s"].get<double>();
    p.scaleInCooldown = a["scale_in_cooldown_s"].get<double>();
    p.boot = a["boot_s"].get<double>();
    p.scaleIn = a["scale_in"].get<bool>();
    return p;
}

std::unique_ptr<sim::Component> makeApiGateway(const model::Scenario& s,
                                               const model::ComponentSpec& spec, sim::Index index,
                                               sim::Rng rng) {
    const Json& p = spec.params;
    std::optional<policies::RateLimit> limit;
    if (p.contains("rate_limit")) {
        const Json& r = p["rate_limit"];
        limit.emplace();
        limit->algorithm = r["algorithm"] == "sliding_window"
                               ? policies::RateLimit::Algorithm::SlidingWindow
                               : policies::RateLimit::Algorithm::TokenBucket;
        limit->perClient = r["scope"] == "per_client";
        limit->capacity = r["capacity"].get<double>();
        limit->refillPerSecond = r["refill_per_s"].get<double>();
        limit->limit = r["limit"].get<std::uint32_t>();
        limit->window = r["window_s"].get<double>();
    }
    std::unique_ptr<policies::CacheStore> cache;
    if (p.contains("cache"))
        cache = policies::makeCacheStore(policies::Eviction::Lru,
                                         p["cache"]["capacity"].get<std::uint32_t>(), keySpace(s),
                                         p["cache"]["ttl_s"].get<double>());
    return std::make_unique<ApiGateway>(spec.id, index,
                                        stationConfig(p, "workers", "service_time", "service_time"),
                                        std::move(rng), limit, std::move(cache));
}

/// The scenario's load changes that act on client `id` (open-loop rate `rps`), as factors.
std::vector<Client::Config::LoadStep> loadSteps(const model::Scenario& s, const std::string& id,
                                                double rps) {
    std::vector<Client::Config::LoadStep> steps;
    for (const auto& change : s.loadChanges) {
        const auto& t = change.targets;
        if (!t.empty() && std::find(t.begin(), t.end(), id) == t.end()) continue;
        Client::Config::LoadStep step;
        step.start = change.atS;
        if (change.durationS > 0) step.end = change.atS + change.durationS;
        step.factor = change.rps >= 0 ? change.rps / rps : change.factor;
        steps.push_back(step);
    }
    return steps;
}

std::unique_ptr<sim::Component> makeComponent(const model::Scenario& s,
                                              const model::ComponentSpec& spec, sim::Index index) {
    const Json& p = spec.params;
    sim::Rng rng = sim::makeStream(s.seed, "component:" + spec.id);
    if (spec.type == "client") {
        Client::Config c;
        c.closedLoop = p["mode"] == "closed";
        c.rps = p["rps"].get<double>();
        c.poisson = p["arrival"] == "poisson";
        c.users = p["users"].get<int>();
        c.thinkTime = durationFromJson(p["think_time"]);
        c.readRatio = p["read_ratio"].get<double>();
        c.keys = p["keys"].get<std::uint32_t>();
        c.zipf = p["zipf"].get<double>();
        c.start = p["start_s"].get<double>();
        if (const double stop = p["stop_s"].get<double>(); stop > 0) c.stop = stop;
        c.nearestFirst = callsOnlyCdnEdges(s, spec.id);
        c.loadSteps = loadSteps(s, spec.id, c.rps);
        return std::make_unique<Client>(spec.id, index, c, std::move(rng));
    }
    if (spec.type == "service") {
        Station::Config c = stationConfig(p, "workers", "service_time", "service_time");
        if (p.contains("autoscaling")) c.autoscaling = autoscalingPolicy(p["autoscaling"]);
        return std::make_unique<Service>(spec.id, index, c, std::move(rng));
    }
    if (spec.type == "api_gateway") return makeApiGateway(s, spec, index, std::move(rng));
    if (spec.type == "database") {
        Station::Config config = stationConfig(p, "connections", "read_time", "write_time");
        config.replicas = p["shards"].get<int>(); // one instance per shard
        if (p["query_model"] == "rows") {
            // Rows examined: a B-tree lookup ~log2(n), a scan all n; an index costs writes too.
            const double rows = p["rows"].get<double>() / config.replicas;
            const double row = p["row_time_us"].get<double>() * 1e-6;
            const double lookup = std::ceil(std::log2(std::max(rows, 2.0))) * row;
            const bool indexed = p["indexed"].get<bool>();
            config.readExtra = indexed ? lookup : rows * row;
            config.writeExtra = indexed ? lookup : 0.0;
        }
        auto db = std::make_unique<Database>(spec.id, index, config, std::move(rng));
        if (config.replicas > 1)
            db->shardBy(std::make_unique<policies::ShardRouter>(
                policies::shardingFromName(p["sharding"].get<std::string>()), config.replicas,
                keySpace(s), p["virtual_nodes"].get<int>()));
        return db;
    }
    if (spec.type == "cache") {
        auto store = policies::makeCacheStore(
            policies::evictionFromName(p["eviction"].get<std::string>()),
            p["capacity"].get<std::uint32_t>(), keySpace(s), p["ttl_s"].get<double>());
        Cache::Policy policy;
        policy.write = p["write_policy"] == "write_through"  ? Cache::WritePolicy::WriteThrough
                       : p["write_policy"] == "write_behind" ? Cache::WritePolicy::WriteBehind
                                                             : Cache::WritePolicy::CacheAside;
        policy.flushDelay = p["flush_delay_s"].get<double>();
        policy.coalesce = p["coalesce_misses"].get<bool>();
        return std::make_unique<Cache>(spec.id, index,
                                       stationConfig(p, "workers", "service_time", "service_time"),
                                       std::move(rng), std::move(store), policy);
    }
    if (spec.type == "load_balancer") {
        LoadBalancer::Config c;
        c.algorithm = policies::balancingFromName(p["algorithm"].get<std::string>());
        c.virtualNodes = p["virtual_nodes"].get<int>();
        c.healthInterval = p["health_check_interval_s"].get<double>();
        c.unhealthyThreshold = p["unhealthy_threshold"].get<int>();
        c.healthyThreshold = p["healthy_threshold"].get<int>();
        c.outlierErrors = p["outlier_consecutive_errors"].get<int>();
        c.outlierEjection = p["outlier_ejection_s"].get<double>();
        c.maxEjectedPercent = p["max_ejected_percent"].get<double>();
        return std::make_unique<LoadBalancer>(spec.id, index, c, std::move(rng));
    }
    if (spec.type == "saga") {
        Saga::Config c;
        c.stepTime = durationFromJson(p["step_time"]);
        c.compensationAttempts = p["compensation_attempts"].get<int>();
        c.compensationBackoff = p["compensation_backoff_ms"].get<double>() / 1000.0;
        c.undoFailedStep = p["compensate_failed_step"] == "always" ? Saga::UndoFailedStep::Always
                           : p["compensate_failed_step"] == "never"
                               ? Saga::UndoFailedStep::Never
                               : Saga::UndoFailedStep::OnTimeout;
        return std::make_unique<Saga>(spec.id, index, c, std::move(rng));
    }
    if (auto made = makeCatalogueComponent(s, spec, index)) return made;
    if (spec.type == "message_queue") {
        MessageQueue::Config c;
        c.appendTime = durationFromJson(p["append_time"]);
        c.partitions = p["partitions"].get<int>();
        c.consumers = p["consumers"].get<int>();
        c.maxBacklog = p["max_backlog"].get<long>();
        c.overflow = p["overflow"] == "reject_new" ? MessageQueue::Overflow::RejectNew
                                                   : MessageQueue::Overflow::DropOldest;
        c.maxAttempts = p["max_attempts"].get<int>();
        c.redeliveryDelay = p["redelivery_delay_ms"].get<double>() / 1000.0;
        c.commitInterval = p["commit_interval_ms"].get<double>() / 1000.0;
        return std::make_unique<MessageQueue>(spec.id, index, c, std::move(rng));
    }
    throw std::invalid_argument("no simulation model for component type '" + spec.type + "'");
}

ReplicationGroup::Mode replicationMode(const std::string& name) {
    return name == "sync"        ? ReplicationGroup::Mode::Sync
           : name == "semi_sync" ? ReplicationGroup::Mode::SemiSync
           : name == "quorum"    ? ReplicationGroup::Mode::Quorum
                                 : ReplicationGroup::Mode::Async;
}

/// Databases joined by replication links share one group; settings come from the first member
/// (the file check makes every member agree).
void joinReplicationGroups(const model::Scenario& s, sim::Simulation& simulation) {
    const std::vector<std::size_t> groupOf = model::replicationGroupOf(s);
    for (std::size_t first = 0; first < s.components.size(); ++first) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < s.components.size(); ++i)
            if (groupOf[i] == first) members.push_back(i);
        if (members.size() < 2) continue;
        const Json& p = s.components[first].params;
        ReplicationGroup::Config config;
        config.mode = replicationMode(p["replication"].get<std::string>());
        config.cp = p["cap"] == "CP";
        config.detection = p["failover_detection_s"].get<double>();
        config.promotion = p["promotion_s"].get<double>();
        std::vector<ReplicationGroup::Member> list;
        for (std::size_t i : members)
            list.push_back({sim::Index(i), s.components[i].params["role"] == "primary"});
        // Replication latency between two members: their link's, either way; members not
        // linked directly use the receiver's first replication link.
        const std::size_t n = members.size();
        std::vector<std::vector<sim::Index>> latency(n, std::vector<sim::Index>(n, sim::kNone));
        for (std::size_t l = 0; l < s.links.size(); ++l) {
            if (!model::isReplicationLink(s, s.links[l])) continue;
            const auto from =
                std::find(members.begin(), members.end(), std::size_t(s.indexOf(s.links[l].from)));
            const auto to =
                std::find(members.begin(), members.end(), std::size_t(s.indexOf(s.links[l].to)));
            if (from == members.end() || to == members.end()) continue;
            const auto a = std::size_t(from - members.begin()),
                       b = std::size_t(to - members.begin());
            latency[a][b] = latency[b][a] = sim::Index(l);
            for (std::size_t k = 0; k < n; ++k) {
                if (latency[k][b] == sim::kNone) latency[k][b] = sim::Index(l);
                if (latency[k][a] == sim::kNone) latency[k][a] = sim::Index(l);
            }
        }
        auto group =
            std::make_shared<ReplicationGroup>(config, std::move(list), std::move(latency));
        for (std::size_t i : members)
            static_cast<Database&>(simulation.component(sim::Index(i))).joinGroup(group);
    }
}

} // namespace

std::unique_ptr<sim::Simulation> buildSimulation(const model::Scenario& s) {
    auto simulation = std::make_unique<sim::Simulation>(s.warmupS);
    for (std::size_t i = 0; i < s.components.size(); ++i)
        simulation->addComponent(makeComponent(s, s.components[i], sim::Index(i)));
    for (std::size_t k = 0; k < s.links.size(); ++k) {
        const auto& l = s.links[k];
        // A file is checked when read; a scenario built in memory (an editor's, half way
        // through an edit) may not be: refuse it by name rather than index out of range.
        for (const auto& end : {l.from, l.to})
            if (s.indexOf(end) < 0)
                throw model::ScenarioError("links[" + std::to_string(k) + "]",
                                           "joins '" + end + "', which is not a component");
        sim::Link link;
        link.from = sim::Index(s.indexOf(l.from));
        link.to = sim::Index(s.indexOf(l.to));
        link.latency = durationFromJson(l.params["latency_ms"]);
        link.weight = l.params["weight"].get<double>();
        link.replication = model::isReplicationLink(s, l);
        link.standby = l.params["failover_role"] == "standby";
        link.route = l.params["route"] == "reads"    ? sim::Link::Route::Reads
                     : l.params["route"] == "writes" ? sim::Link::Route::Writes
                                                     : sim::Link::Route::All;
        link.rng = sim::makeStream(s.seed, "link:" + l.from + "->" + l.to);
        if (const double timeout = l.params["timeout_ms"].get<double>(); timeout > 0)
            link.timeout = timeout / 1000.0;
        const Json& r = l.params["retries"];
        link.retry.maxAttempts = r["max_attempts"].get<int>();
        link.retry.base = r["base_ms"].get<double>() / 1000.0;
        link.retry.multiplier = r["multiplier"].get<double>();
        link.retry.max = r["max_ms"].get<double>() / 1000.0;
        if (l.params.contains("circuit_breaker")) {
            const Json& cb = l.params["circuit_breaker"];
            policies::CircuitBreaker::Config c;
            c.timeWindow = cb["window_type"] == "time";
            c.window = cb["window"].get<int>();
            c.minimumCalls = cb["minimum_calls"].get<int>();
            c.failureRateThreshold = cb["failure_rate_threshold"].get<double>();
            c.slowCallSeconds = cb["slow_call_ms"].get<double>() / 1000.0;
            c.slowCallRateThreshold = cb["slow_call_rate_threshold"].get<double>();
            c.waitOpen = cb["wait_open_s"].get<double>();
            c.halfOpenCalls = cb["half_open_calls"].get<int>();
            c.fallback = cb["fallback"].get<bool>();
            link.breaker = std::make_unique<policies::CircuitBreaker>(c);
        }
        link.retry.budgetRatio = r["budget_ratio"].get<double>();
        link.maxConcurrent = l.params["bulkhead"].get<int>();
        link.retry.jitter = r["jitter"] == "none"    ? sim::RetryPolicy::Jitter::None
                            : r["jitter"] == "equal" ? sim::RetryPolicy::Jitter::Equal
                                                     : sim::RetryPolicy::Jitter::Full;
        simulation->addLink(std::move(link));
    }
    joinReplicationGroups(s, *simulation);
    for (std::size_t i = 0; i < s.components.size(); ++i)
        if (auto* queue = dynamic_cast<MessageQueue*>(&simulation->component(sim::Index(i))))
            queue->connectGroups(*simulation);
    for (const auto& f : s.faults) {
        sim::Fault fault;
        fault.kind = f.kind == "slow"          ? sim::Fault::Kind::Slow
                     : f.kind == "errors"      ? sim::Fault::Kind::Errors
                     : f.kind == "partition"   ? sim::Fault::Kind::Partition
                     : f.kind == "cache_flush" ? sim::Fault::Kind::CacheFlush
                     : f.kind == "packet_loss" ? sim::Fault::Kind::PacketLoss
                                               : sim::Fault::Kind::Crash; // crash, zone_outage
        if (f.kind == "consumer_stop") fault.kind = sim::Fault::Kind::ConsumerStop;
        for (const auto& id : f.peers)
            fault.peers.push_back(sim::Index(s.indexOf(id)));
        for (const auto& id : f.targets)
            fault.targets.push_back(sim::Index(s.indexOf(id)));
        for (std::size_t i = 0; i < s.components.size(); ++i)
            if (!f.zone.empty() && s.components[i].zone == f.zone)
                fault.targets.push_back(sim::Index(i));
        fault.start = f.atS;
        if (f.durationS > 0) fault.end = f.atS + f.durationS;
        fault.factor = f.factor;
        fault.rate = f.rate;
        fault.instance = f.instance;
        simulation->addFault(std::move(fault));
    }
    return simulation;
}

} // namespace sdlab::components
