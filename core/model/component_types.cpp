#include "component_types.h"

#include "catalogue_types.h"
#include "param_builders.h"

namespace sdlab::model {

namespace {

using namespace params;

/// A service's target-tracking autoscaler (AWS's semantics); absent means a fixed count.
ParamSpec autoscaling() {
    return optionalObject(
        "autoscaling",
        "Adds and removes instances to keep a metric near its target (target tracking), "
        "starting from `replicas`. Left out: a fixed number of instances.",
        {choice("metric",
                {{"utilization", "the share of workers busy"},
                 {"queue_per_instance", "requests waiting per running instance"}},
                "What the autoscaler keeps near its target, averaged over each interval."),
         number("target", 0.6, 1e-3, 1e6, "",
                "The metric's target: desired instances = ceil(running × metric / target)."),
         integer("min_instances", 1, 1, 1000, "instances", "Never fewer instances."),
         integer("max_instances", 10, 1, 1000, "instances", "Never more instances."),
         number("interval_s", 30, 0.01, 3600, "s",
                "How often the metric is judged (averaged over this period)."),
         number("scale_out_cooldown_s", 60, 0, 86400, "s",
                "After adding instances, wait this long before adding more."),
         number("scale_in_cooldown_s", 300, 0, 86400, "s",
                "After any scaling, wait this long before removing instances."),
         number("boot_s", 60, 0, 86400, "s",
                "A new instance takes no traffic until it has booted for this long."),
         boolean("scale_in", true,
                 "Off: scale-in protection; instances are added but never removed.")});
}

/// How a service or gateway calls its downstream links.
ParamSpec callsParam() {
    return choice("calls",
                  {{"sequential", "one downstream link after another, in link order; a "
                                  "failure answers at once"},
                   {"parallel", "all at once (fan-out): as slow as the slowest call; any "
                                "failure fails the request once all have answered"}},
                  "How it calls its downstream links.");
}

/// The gateway's limiter; absent means no limit.
ParamSpec rateLimit() {
    return optionalObject(
        "rate_limit",
        "Refuses requests over a rate with 429 (rate_limited) at once, before any work. Left "
        "out: no limit.",
        {choice("algorithm",
                {{"token_bucket", "bursts up to Capacity, then Refill per second on average"},
                 {"sliding_window", "at most Limit requests in any Window seconds (an exact "
                                    "log of admission times)"}},
                "How the limit is counted."),
         choice("scope",
                {{"global", "one limit shared by all traffic"},
                 {"per_client", "each client component gets its own: a noisy client cannot "
                                "use up a quiet one's share"}},
                "Who shares a limit."),
         when(number("capacity", 100, 1, 1e7, "requests",
                     "Tokens the bucket holds at most (the largest burst); it starts full."),
              "algorithm=token_bucket"),
         when(number("refill_per_s", 50, 1e-3, 1e7, "req/s", "Tokens added per second."),
              "algorithm=token_bucket"),
         when(integer("limit", 100, 1, 1e6, "requests", "Requests admitted per window at most."),
              "algorithm=sliding_window"),
         when(number("window_s", 1, 1e-3, 86400, "s", "Length of the sliding window."),
              "algorithm=sliding_window")});
}

std::vector<ComponentType> makeTypeTable() {
    return {
        {"client",
         "Clients",
         "Traffic",
         "Users sending requests: open loop at a rate, or closed loop (users who wait, think, "
         "then ask again).",
         {choice("mode",
                 {{"open", "requests arrive at RPS, whether or not earlier ones were answered"},
                  {"closed", "Users who each wait for their answer, think, then ask again"}},
                 "How the traffic is generated."),
          when(number("rps", 100, 1e-3, 1e7, "req/s", "Arrival rate (open loop)."), "mode=open"),
          when(choice("arrival",
                      {{"poisson", "random gaps between arrivals (a Poisson process)"},
                       {"constant", "evenly spaced arrivals"}},
                      "The gaps between arrivals."),
               "mode=open"),
          when(integer("users", 10, 1, 1e6, "users", "Concurrent users (closed loop)."),
               "mode=closed"),
          when(durationParam("think_time", duration("exponential", 1000),
                             "Pause between an answer and the user's next request (closed loop)."),
               "mode=closed"),
          number("read_ratio", 0.9, 0, 1, "", "Fraction of requests that are reads."),
          integer("keys", 10000, 1, 1e7, "keys", "Distinct objects requested."),
          number("zipf", 0, 0, 5, "",
                 "Popularity skew: key of rank k is asked ∝ 1/k^zipf (0 = uniform)."),
          number("start_s", 0, 0, 1e7, "s",
                 "Sends nothing before this time: traffic that arrives later, such as a spike."),
          number("stop_s", 0, 0, 1e7, "s", "Sends nothing from this time on (0 = until the end).")},
         true,
         false,
         -1},
        {"service",
         "Service",
         "Compute",
         "An application server: a pool of workers in front of a FIFO queue; after its own "
         "work it calls each downstream dependency in turn.",
         {integer("replicas", 1, 1, 1000, "instances",
                  "Identical instances; requests go to them in turn. With two or more, one "
                  "crash no longer takes the service down."),
          integer("workers", 4, 1, 1e5, "workers", "Requests served in parallel per instance."),
          queueCapacity(),
          durationParam("service_time", duration("exponential", 10),
                        "Own work per request, not counting downstream calls."),
          callsParam(), autoscaling(), availability()},
         true,
         true,
         -1},
        {"load_balancer",
         "Load balancer",
         "Edge",
         "Spreads requests over its downstream links.",
         {choice("algorithm",
                 {{"round_robin", "each target in turn, however busy it is"},
                  {"weighted_round_robin", "in turn, in proportion to each link's weight"},
                  {"least_connections", "to the target with the fewest requests in progress"},
                  {"random", "a target picked at random"},
                  {"power_of_two", "two targets picked at random; the less busy one gets it"},
                  {"consistent_hash", "by the request's key on a hash ring: the same key "
                                      "always goes to the same target"}},
                 "How the next target is chosen; weights sit on the outgoing links."),
          when(integer("virtual_nodes", 100, 1, 1e4, "points",
                       "Points per target on the hash ring (consistent_hash)."),
               "algorithm=consistent_hash"),
          number("health_check_interval_s", 0, 0, 3600, "s",
                 "Probe every target this often and stop sending to failed ones (0 = no checks)."),
          integer("unhealthy_threshold", 3, 1, 100, "checks",
                  "Failed checks in a row that take a target out of rotation."),
          integer("healthy_threshold", 2, 1, 100, "checks",
                  "Passed checks in a row that bring it back."),
          integer("outlier_consecutive_errors", 0, 0, 10000, "calls",
                  "Passive outlier detection: eject a target after this many failed calls in a "
                  "row of real traffic (0 = off)."),
          number("outlier_ejection_s", 30, 0, 86400, "s",
                 "An ejected target is out this long, times the number of its ejections."),
          number("max_ejected_percent", 50, 0, 100, "%",
                 "Never eject more than this share of the targets at once."),
          availability()},
         true,
         true,
         -1},
        {"api_gateway",
         "API gateway",
         "Edge",
         "The single entry point in front of the services: rate limits requests (429), "
         "authenticates and processes them on its workers, can answer repeated reads itself "
         "for a while, and routes the rest downstream by kind (links' `route`).",
         {integer("replicas", 1, 1, 1000, "instances",
                  "Identical instances; requests go to them in turn."),
          integer("workers", 8, 1, 1e5, "workers", "Requests processed in parallel per instance."),
          queueCapacity(),
          durationParam("service_time", duration("deterministic", 1),
                        "Own work per request (authentication, validation, transformation), "
                        "not counting downstream calls."),
          callsParam(), rateLimit(),
          optionalObject("cache",
                         "Keeps read answers by key for ttl_s and answers repeats itself; a "
                         "write through the gateway drops its key. Left out: no cache.",
                         {integer("capacity", 1000, 1, 1e7, "entries",
                                  "Answers held at most (least recently used leaves first)."),
                          number("ttl_s", 10, 0, 1e7, "s",
                                 "An answer is served for this long after it was stored "
                                 "(0 = until evicted).")}),
          availability()},
         true,
         true,
         -1},
        {"cache",
         "Cache",
         "Data",
         "An in-memory cache in front of one component: read hits answer at once, misses are "
         "fetched and stored; writes follow the write policy.",
         {integer("capacity", 1000, 0, 1e7, "entries", "Entries the cache holds."),
          choice("eviction",
                 {{"lru", "the least recently used entry leaves"},
                  {"lfu", "the least frequently used entry leaves"},
                  {"fifo", "the oldest entry leaves, however popular"},
                  {"ttl", "entries leave when they expire (ttl_s); when full, the one "
                          "closest to expiry"}},
                 "Which entry leaves when the cache is full."),
          number("ttl_s", 0, 0, 1e7, "s",
                 "Entries expire this long after they were stored (0 = never)."),
          choice("write_policy",
                 {{"cache_aside", "writes go to the store behind and invalidate the key"},
                  {"write_through", "writes go to the store, then update the cache: the "
                                    "client waits for both"},
                  {"write_behind", "the cache takes the write and answers at once, flushing "
                                   "it later: fast, but a crash loses unflushed writes"}},
                 "What happens to writes."),
          when(number("flush_delay_s", 1, 0, 3600, "s",
                      "How long a written key stays dirty before it is flushed; more writes to "
                      "it meanwhile ride along."),
               "write_policy=write_behind"),
          boolean("coalesce_misses", false,
                  "Concurrent misses on one key share a single fetch (request coalescing): a "
                  "cold or flushed cache sends one query per hot key, not a stampede."),
          integer("workers", 8, 1, 1e5, "workers", "Lookups served in parallel."), queueCapacity(),
          durationParam("service_time", duration("deterministic", 0.5), "Time per lookup."),
          availability()},
         true,
         true,
         1},
        {"database",
         "Database",
         "Data",
         "A database server: a connection pool in front of a FIFO queue, with different times "
         "for reads and writes.",
         {integer("connections", 20, 1, 1e5, "connections",
                  "Queries executed in parallel (per shard: each has its own pool)."),
          integer("shards", 1, 1, 1024, "shards",
                  "Splits the data over this many shards, each with its own connections and "
                  "queue; a request goes to the shard that holds its key."),
          choice("sharding",
                 {{"hash", "hash of the key modulo the shard count: even, but adding a shard "
                           "moves most keys"},
                  {"range", "equal ranges of keys: keys are numbered by popularity, so under "
                            "skew the first shard is hot"},
                  {"consistent_hash", "a hash ring: adding a shard moves about 1/(N+1) of "
                                      "the keys"}},
                 "Which shard holds a key."),
          when(integer("virtual_nodes", 100, 1, 1e4, "points",
                       "Points per shard on the hash ring (consistent_hash)."),
               "sharding=consistent_hash"),
          queueCapacity(),
          durationParam("read_time", duration("exponential", 5), "Time per read query."),
          durationParam("write_time", duration("exponential", 15), "Time per write query."),
          choice("query_model",
                 {{"fixed", "queries take read_time / write_time"},
                  {"rows", "queries also pay for the rows they examine: about log2(rows) "
                           "with an index, every row without (a scan)"}},
                 "What a query costs. With rows, each index also adds log2(rows) to every "
                 "write."),
          when(number("rows", 1e6, 1, 1e12, "rows",
                      "Rows in the table (split evenly over the shards)."),
               "query_model=rows"),
          when(boolean("indexed", true, "Reads find their row through an index, not a scan."),
               "query_model=rows"),
          when(number("row_time_us", 0.05, 0, 1e6, "µs", "Time to examine one row."),
               "query_model=rows"),
          choice("role",
                 {{"primary", "takes writes and ships them to the other members"},
                  {"replica", "serves reads and forwards writes to a primary"}},
                 "Linked to other databases, it replicates. Several primaries: multi-primary, "
                 "every one takes writes."),
          choice("replication",
                 {{"async", "acknowledged at once: fast, but a failover loses what was not "
                            "shipped"},
                  {"semi_sync", "acknowledged once one other member has it"},
                  {"sync", "acknowledged once every reachable member has it"},
                  {"quorum", "acknowledged once a majority has it"}},
                 "When a write is acknowledged. The same on every member."),
          choice("cap",
                 {{"CP", "the side cut off from the majority refuses reads and writes: "
                         "consistent, less available"},
                  {"AP", "every side answers, reconciled by last-write-wins after the heal: "
                         "available, with stale reads and lost writes"}},
                 "What it does under a network partition."),
          number("failover_detection_s", 10, 0, 3600, "s",
                 "Time the failover manager takes to notice the primary is gone."),
          number("promotion_s", 5, 0, 3600, "s",
                 "Time to promote the most up-to-date replica once the loss is noticed."),
          availability()},
         true,
         true,
         -1},
        {"saga",
         "Saga orchestrator",
         "Compute",
         "Runs each request as a saga, a distributed transaction: its downstream links, in "
         "link order, are the steps, each called with its link's timeout, retries and "
         "breaker. If a step fails, the steps already done are undone in reverse order by "
         "compensations (calls over the same links that callees do as writes), and the client "
         "gets the failing step's error. A timed-out step counts as failed, though it may "
         "have happened: see compensate_failed_step.",
         {durationParam("step_time", duration("deterministic", 0.5),
                        "Own work before each call it makes (a step, or a try of a "
                        "compensation): recording the saga's progress in its log."),
          integer("compensation_attempts", 3, 1, 20, "tries",
                  "Tries of each compensation (each with the link's own retries) before the "
                  "saga gives up: it is then stuck, needing manual repair, and the steps "
                  "before it stay done."),
          number("compensation_backoff_ms", 100, 0, 3.6e6, "ms",
                 "Wait before trying a failed compensation again."),
          choice("compensate_failed_step",
                 {{"on_timeout", "if its call timed out, since the step may have happened all "
                                 "the same"},
                  {"always", "also after an error answer"},
                  {"never", "only steps that answered OK are undone"}},
                 "Whether the failing step is compensated too (compensations must then cope "
                 "with nothing to undo)."),
          availability()},
         true,
         true,
         -1},
        {"message_queue",
         "Message queue",
         "Messaging",
         "A message broker (Kafka, RabbitMQ, SQS): producers (whatever links to it) get an ack "
         "as soon as the message is appended, and consumers process it later. Each downstream "
         "link is a consumer group that gets every message (publish/subscribe); its consumers "
         "each take a message, call the linked component with it and acknowledge it when that "
         "answers OK. A key always goes to the same partition, and a partition is served by "
         "one consumer of a group at a time, so each key's messages are processed in order. "
         "Delivery is at least once: failures are delivered again, a lost consumer makes its "
         "partition go back to the last committed offset (duplicates).",
         {durationParam("append_time", duration("deterministic", 1),
                        "The broker's own work to store a message before acknowledging it: "
                        "the producer's latency (appends run in parallel)."),
          integer("partitions", 8, 1, 10000, "partitions",
                  "Messages are spread over partitions by a hash of their key. Each partition "
                  "is served by one consumer of a group at a time, in order: more consumers "
                  "than partitions sit idle."),
          integer("consumers", 2, 1, 10000, "consumers",
                  "Consumers per group (per downstream link): messages processed in parallel."),
          integer("max_backlog", -1, -1, 1e9, "messages",
                  "Retention: messages a group may have waiting for a consumer; -1 is "
                  "unbounded."),
          choice("overflow",
                 {{"drop_oldest", "the oldest waiting message is dropped (like Kafka's "
                                  "retention, RabbitMQ's drop-head)"},
                  {"reject_new", "new messages are refused: the producer gets an error "
                                 "(RabbitMQ's reject-publish)"}},
                 "What happens when max_backlog is reached."),
          integer("max_attempts", 5, 1, 1000, "attempts",
                  "Failed processings of a message before it is dead-lettered (set aside)."),
          number("redelivery_delay_ms", 100, 0, 3.6e6, "ms",
                 "After a failure, the partition waits this long before delivering again."),
          number("commit_interval_ms", 1000, 0, 3.6e6, "ms",
                 "Consumers acknowledge (commit offsets) in batches this often, like Kafka's "
                 "auto-commit; a consumer lost in between makes what it processed since be "
                 "delivered again (duplicates). 0: each message is acknowledged when processed."),
          availability()},
         true,
         true,
         -1},
    };
}

/// Databases as their products ship them, by default: how they replicate and what they
/// choose under a partition.
std::vector<Preset> databasePresets() {
    return {
        {"postgresql",
         "PostgreSQL",
         "Single primary with streaming replicas: asynchronous by default, consistent (CP) "
         "with a failover manager such as Patroni (30 s leader TTL).",
         {{"connections", 100},
          {"read_time", duration("exponential", 2)},
          {"write_time", duration("exponential", 5)},
          {"role", "primary"},
          {"replication", "async"},
          {"cap", "CP"},
          {"failover_detection_s", 30},
          {"promotion_s", 5}}},
        {"mongodb",
         "MongoDB",
         "A replica set: one primary, writes acknowledged by a majority (w: majority), an "
         "election about 10 s after the primary is lost.",
         {{"connections", 100},
          {"read_time", duration("exponential", 2)},
          {"write_time", duration("exponential", 4)},
          {"role", "primary"},
          {"replication", "quorum"},
          {"cap", "CP"},
          {"failover_detection_s", 10},
          {"promotion_s", 2}}},
        {"cassandra",
         "Cassandra",
         "Leaderless: every node takes writes (fast, log-structured), consistency level ONE, "
         "available under partitions (AP), last write wins.",
         {{"connections", 128},
          {"read_time", duration("exponential", 4)},
          {"write_time", duration("exponential", 1)},
          {"role", "primary"},
          {"replication", "async"},
          {"cap", "AP"},
          {"sharding", "consistent_hash"},
          {"virtual_nodes", 256}}},
    };
}

std::vector<ComponentType> makeTypes() {
    std::vector<ComponentType> types = makeTypeTable();
    for (auto& t : catalogueComponentTypes())
        types.push_back(std::move(t));
    for (auto& t : types)
        if (t.name == "database") t.presets = databasePresets();
    const std::pair<const char*, const char*> keywords[] = {
        {"client", "users traffic browser mobile load generator requests"},
        {"service", "app server backend api microservice web worker pod instance"},
        {"load_balancer", "lb nginx haproxy elb alb balancer proxy"},
        {"api_gateway", "gateway kong apigee envoy ingress entry rate limit limiter throttle "
                        "429 token bucket auth bff routing"},
        {"cache", "redis memcached in-memory kv"},
        {"database", "db sql postgres postgresql mysql mongodb store storage replica primary "
                     "failover replication"},
        {"message_queue", "mq kafka rabbitmq sqs pubsub pub/sub broker topic stream async "
                          "event consumer producer"},
        {"saga", "transaction orchestration orchestrator compensation workflow distributed"},
    };
    for (auto& t : types)
        for (const auto& [name, words] : keywords)
            if (t.name == name) t.keywords = words;
    return types;
}

} // namespace

std::string unitFor(const ParamSpec& spec, const Json& params) {
    for (const auto& [condition, unit] : spec.unitWhen) {
        const auto eq = condition.find('=');
        const auto it = params.find(condition.substr(0, eq));
        if (it != params.end() && it->is_string() && *it == condition.substr(eq + 1)) return unit;
    }
    return spec.unit;
}

std::string choiceMeaning(const ParamSpec& spec, const std::string& value) {
    for (std::size_t i = 0; i < spec.choices.size() && i < spec.choiceHelp.size(); ++i)
        if (spec.choices[i] == value) return spec.choiceHelp[i];
    return {};
}

bool paramApplies(const ParamSpec& spec, const Json& params) {
    if (spec.onlyWhen.empty()) return true;
    const auto eq = spec.onlyWhen.find('=');
    const auto it = params.find(spec.onlyWhen.substr(0, eq));
    return it == params.end() || (it->is_string() && *it == spec.onlyWhen.substr(eq + 1));
}

const std::vector<ComponentType>& componentTypes() {
    static const std::vector<ComponentType> types = makeTypes();
    return types;
}

const ComponentType* findComponentType(std::string_view name) {
    for (const auto& t : componentTypes())
        if (t.name == name) return &t;
    return nullptr;
}

const std::vector<ParamSpec>& linkParams() {
    static const std::vector<ParamSpec> params = {
        {"latency_ms",
         ParamKind::Latency,
         0.0,
         0,
         3.6e6,
         "ms",
         {},
         "One-way network delay: a number of ms, or a distribution."},
        number("weight", 1, 1e-6, 1e6, "", "Share of traffic (weighted balancing, clients)."),
        choice("failover_role",
               {{"active", "a load balancer sends here as usual"},
                {"standby", "a load balancer sends here only while no active target is "
                            "healthy (active-passive failover)"}},
               "The target's part in failover, e.g. to a standby zone."),
        choice("route",
               {{"all", "reads and writes"},
                {"reads", "reads only (CQRS: reads from a read store)"},
                {"writes", "writes only (CQRS: writes to a write store)"}},
               "Which requests a service or gateway sends over this link."),
        integer("bulkhead", 0, 0, 1e6, "calls",
                "Bulkhead: at most this many calls in flight over this link; more fail at once "
                "(0 = no limit)."),
        number("timeout_ms", 0, 0, 3.6e6, "ms",
               "The caller gives up after this long (0 = waits for ever); the callee may still be "
               "working on it."),
        {"retries",
         ParamKind::Object,
         Json::object(),
         0,
         0,
         "",
         {},
         "Calling again after a failure or timeout, with exponential backoff.",
         "",
         {integer("max_attempts", 1, 1, 20, "attempts",
                  "Attempts in all, the first included (1 = no retries)."),
          number("base_ms", 10, 0, 3.6e6, "ms", "Backoff before the first retry."),
          number("multiplier", 2, 1, 100, "", "Each backoff is this many times the previous."),
          number("max_ms", 1000, 0, 3.6e6, "ms", "Longest backoff."),
          number("budget_ratio", 0, 0, 10, "",
                 "Retry budget: retries allowed per first attempt, on average (0 = no budget)."),
          choice("jitter",
                 {{"full", "a random wait between 0 and the backoff"},
                  {"equal", "half the backoff plus a random wait up to the other half"},
                  {"none", "exactly the backoff: retries of many callers arrive together"}},
                 "Randomness in the backoff, so that callers do not retry in lockstep.")}},
        optionalObject("circuit_breaker",
                       "Stops calling a failing dependency for a while (Resilience4j's breaker). "
                       "Left out: none.",
                       {choice("window_type",
                               {{"count", "it judges the last N calls (N: Window)"},
                                {"time", "it judges the calls of the last N seconds (N: Window)"}},
                               "What its sliding window holds."),
                        inUnits(integer("window", 100, 1, 100000, "calls",
                                        "How far back it looks: a number of calls (count "
                                        "window) or of seconds (time window)."),
                                {{"window_type=time", "s"}}),
                        integer("minimum_calls", 100, 1, 100000, "calls",
                                "It judges only once the window holds this many calls; until "
                                "then it stays closed."),
                        number("failure_rate_threshold", 0.5, 0, 1, "",
                               "Opens when at least this share of the window's calls failed: "
                               "a fraction, 0.5 = 50%."),
                        number("slow_call_ms", 0, 0, 3.6e6, "ms",
                               "Calls at least this long count as slow (0 = off)."),
                        number("slow_call_rate_threshold", 1, 0, 1, "",
                               "Opens when at least this share of the window's calls was "
                               "slow: a fraction, 1 = 100%."),
                        number("wait_open_s", 60, 0, 1e6, "s",
                               "How long it stays open, refusing every call, before trial "
                               "calls test the dependency. Too long: calls are refused after "
                               "it has recovered; too short: trials keep hitting it while it "
                               "still fails."),
                        integer("half_open_calls", 10, 1, 10000, "calls",
                                "Trial calls let through when half open; their failure rate "
                                "decides between closing and opening again."),
                        boolean("fallback", false,
                                "While open, answer refused calls with a degraded fallback (a "
                                "default or cached value) instead of an error.")}),
    };
    return params;
}

} // namespace sdlab::model
