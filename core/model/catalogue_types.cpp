#include "catalogue_types.h"

#include "param_builders.h"
#include "param_check.h"
#include "scenario_error.h"

namespace sdlab::model {

using namespace params;

namespace {

ComponentType cdnEdge() {
    return {"cdn",
            "CDN edge",
            "Edge",
            "One edge location (PoP) of a content delivery network, with its own cache, in "
            "front of the origin (its one downstream link). One box per edge: put it in the "
            "zone (region) it serves and link each client region to the edges it may use, "
            "the link's latency being the distance. A client linked only to CDN edges sends "
            "each request to the nearest one that is up (lowest link latency, as GeoDNS or "
            "anycast steer users), so a region without an edge of its own pays the distance "
            "to the next. Reads hit the edge's cache or are fetched from the origin and kept "
            "for ttl_s; writes (uploads, API calls) pass through and purge nothing: cached "
            "copies stay until they expire. Each edge caches only its own region's traffic.",
            {integer("capacity", 10000, 0, 1e7, "objects", "Objects this edge holds."),
             number("ttl_s", 60, 0, 1e7, "s",
                    "An object is served from the edge for this long after it was fetched "
                    "(its Cache-Control max-age), then fetched again (0 = until evicted)."),
             choice("eviction",
                    {{"lru", "the least recently used object leaves"},
                     {"lfu", "the least frequently used object leaves"},
                     {"fifo", "the oldest object leaves, however popular"}},
                    "Which object leaves when the edge is full."),
             integer("workers", 64, 1, 1e5, "workers", "Requests served in parallel."),
             queueCapacity(),
             durationParam("service_time", duration("deterministic", 1),
                           "The edge's own time per request (lookup, TLS, headers)."),
             availability()},
            true,
            true,
            1,
            "content delivery network pop edge akamai cloudfront fastly cloudflare"};
}

ComponentType objectStorage() {
    return {
        "object_storage",
        "Object storage",
        "Data",
        "An S3-like blob store for videos, images and backups: each request waits for "
        "its first byte (high, variable latency), then streams its object at a fixed "
        "bandwidth per connection — time = first byte + size / bandwidth — over many "
        "connections in parallel, so total throughput is high though each request is "
        "slow. Sizes are drawn per request. Not modelled: multipart transfers, per-prefix "
        "request-rate limits, listing consistency.",
        {integer("connections", 1000, 1, 1e6, "connections", "Transfers in parallel."),
         queueCapacity(),
         durationParam("first_byte", Json{{"dist", "lognormal"}, {"mean_ms", 50.0}, {"cv", 0.5}},
                       "Time to first byte: locating the object and starting to send it."),
         number("object_size_kb", 1000, 1e-3, 1e8, "kB", "Mean object size (1 MB = 1000 kB)."),
         choice("size_distribution",
                {{"lognormal", "most objects small, a few very large (spread: size_cv)"},
                 {"exponential", "sizes spread as much as their mean"},
                 {"fixed", "every object the mean size"}},
                "How sizes vary around the mean."),
         when(number("size_cv", 1, 1e-3, 100, "",
                     "Spread of sizes: standard deviation / mean (lognormal)."),
              "size_distribution=lognormal"),
         number("bandwidth_mb_s", 80, 1e-3, 1e6, "MB/s",
                "Transfer rate of one connection (S3 gives about 80–90 MB/s)."),
         availability()},
        false,
        true,
        0,
        "s3 blob bucket gcs azure minio video files bytes"};
}

ComponentType serviceRegistry() {
    return {"service_registry",
            "Service registry",
            "Control",
            "Service discovery (Consul, Eureka, Kubernetes endpoints). The components linked "
            "behind it are the instances of one service: they register and send heartbeats; "
            "callers linked to it resolve an instance and call it. A crashed instance stays "
            "registered until heartbeat_ttl_s after its last heartbeat, and callers see the "
            "change only at their next refresh: calls in that window go to a dead instance "
            "and fail (counted). A restarted instance registers again registration_delay_s "
            "after its first heartbeat. Drawn in the call path, it stands for the caller's "
            "lookup plus a direct call: the links carry the latency.",
            {choice("selection",
                    {{"round_robin", "each registered instance in turn"},
                     {"random", "a registered instance picked at random"}},
                    "How a caller picks among the instances it believes registered."),
             number("heartbeat_interval_s", 5, 1e-3, 3600, "s",
                    "Every instance that is up reports this often."),
             number("heartbeat_ttl_s", 15, 1e-3, 86400, "s",
                    "An instance is deregistered this long after its last heartbeat."),
             number("refresh_interval_s", 10, 0, 86400, "s",
                    "Callers refresh their cached list of instances this often (0 = they "
                    "see every change at once)."),
             number("registration_delay_s", 5, 0, 86400, "s",
                    "A restarted instance registers this long after its first heartbeat "
                    "(start-up, readiness)."),
             availability()},
            true,
            true,
            -1,
            "discovery consul eureka etcd zookeeper dns endpoints heartbeat"};
}

ComponentType feedService() {
    return {"feed_service",
            "Feed service",
            "Compute",
            "Home timelines, as in a social network: a write is a post, a read loads the "
            "reader's timeline; its one downstream link is the timeline store. Followers per "
            "author follow a power law (Pareto: a few celebrities). on_write pushes each post "
            "into every follower's timeline (one store write per follower, done in the "
            "background after the post is stored) so a read is one store read; on_read "
            "stores the post once and a read gathers the latest posts of every followed "
            "account (parallel store reads); hybrid pushes only posts of authors below the "
            "celebrity threshold and merges celebrities' posts at read time. Not modelled: "
            "ranking, timeline length limits, the social graph's churn.",
            {choice("strategy",
                    {{"on_write", "push: each post is written into every follower's timeline"},
                     {"on_read", "pull: a read gathers the latest posts of every followed "
                                 "account"},
                     {"hybrid", "push, except celebrities' posts, merged in at read time"}},
                    "How timelines are built (fan-out)."),
             integer("min_followers", 10, 1, 1e6, "followers",
                     "The fewest followers an author has (Pareto scale)."),
             number("followers_alpha", 1.5, 0.1, 10, "",
                    "Pareto shape: P(followers ≥ k) = (min/k)^alpha; smaller = more celebrities."),
             integer("max_followers", 100000, 1, 1e7, "followers",
                     "The most followers an author has (the tail is cut here)."),
             when(integer("celebrity_threshold", 10000, 1, 1e7, "followers",
                          "Authors with at least this many followers are not pushed (hybrid)."),
                  "strategy=hybrid"),
             integer("following", 50, 1, 10000, "accounts",
                     "Accounts each reader follows: the reads an on_read timeline gathers."),
             integer("workers", 16, 1, 1e5, "workers", "Requests served in parallel."),
             queueCapacity(),
             durationParam("service_time", duration("exponential", 2),
                           "Own work per post or timeline read (merging, serialising)."),
             availability()},
            true,
            true,
            1,
            "timeline news feed fanout fan-out twitter social followers celebrity push pull"};
}

} // namespace

std::vector<ComponentType> catalogueComponentTypes() {
    return {cdnEdge(), objectStorage(), serviceRegistry(), feedService()};
}

void checkCatalogueParams(const ComponentType& type, const Json& p, const std::string& path) {
    auto atLeast = [&](const char* field, const char* other, const std::string& why) {
        if (p[field].get<double>() < p[other].get<double>())
            throw ScenarioError(fieldPath(path, field), std::string("must be at least ") + other +
                                                            " (" + p[other].dump() + "): " + why);
    };
    if (type.name == "service_registry")
        atLeast("heartbeat_ttl_s", "heartbeat_interval_s",
                "a shorter TTL would deregister instances between two heartbeats");
    if (type.name == "feed_service")
        atLeast("max_followers", "min_followers", "the follower law runs from min to max");
}

} // namespace sdlab::model
