#include "build_catalogue.h"

#include "build_simulation.h"
#include "cdn_edge.h"
#include "feed_service.h"
#include "object_storage.h"
#include "service_registry.h"

namespace sdlab::components {

using model::Json;

namespace {

/// Transfer time of one object: its size (kB) over the bandwidth (MB/s), as a distribution.
sim::Distribution transferTime(const Json& p) {
    const double seconds =
        p["object_size_kb"].get<double>() / (p["bandwidth_mb_s"].get<double>() * 1000.0);
    const std::string dist = p["size_distribution"].get<std::string>();
    if (dist == "exponential") return sim::Distribution::exponential(seconds);
    if (dist == "lognormal")
        return sim::Distribution::logNormal(seconds, p["size_cv"].get<double>());
    return sim::Distribution::deterministic(seconds);
}

FeedService::Strategy feedStrategy(const Json& name) {
    return name == "on_read"  ? FeedService::Strategy::OnRead
           : name == "hybrid" ? FeedService::Strategy::Hybrid
                              : FeedService::Strategy::OnWrite;
}

} // namespace

bool callsOnlyCdnEdges(const model::Scenario& s, const std::string& id) {
    int edges = 0;
    for (const auto& l : s.links) {
        if (l.from != id) continue;
        if (s.components[std::size_t(s.indexOf(l.to))].type != "cdn") return false;
        ++edges;
    }
    return edges >= 2;
}

std::unique_ptr<sim::Component> makeCatalogueComponent(const model::Scenario& s,
                                                       const model::ComponentSpec& spec,
                                                       sim::Index index) {
    const Json& p = spec.params;
    sim::Rng rng = sim::makeStream(s.seed, "component:" + spec.id);
    if (spec.type == "cdn") {
        auto store = policies::makeCacheStore(
            policies::evictionFromName(p["eviction"].get<std::string>()),
            p["capacity"].get<std::uint32_t>(), keySpace(s), p["ttl_s"].get<double>());
        return std::make_unique<CdnEdge>(
            spec.id, index, stationConfig(p, "workers", "service_time", "service_time"),
            std::move(rng), std::move(store));
    }
    if (spec.type == "object_storage") {
        Station::Config c = stationConfig(p, "connections", "first_byte", "first_byte");
        c.transferTime = transferTime(p);
        return std::make_unique<ObjectStorage>(spec.id, index, c, std::move(rng),
                                               p["object_size_kb"].get<double>());
    }
    if (spec.type == "service_registry") {
        ServiceRegistry::Config c;
        c.random = p["selection"] == "random";
        c.heartbeatInterval = p["heartbeat_interval_s"].get<double>();
        c.ttl = p["heartbeat_ttl_s"].get<double>();
        c.refresh = p["refresh_interval_s"].get<double>();
        c.registrationDelay = p["registration_delay_s"].get<double>();
        return std::make_unique<ServiceRegistry>(spec.id, index, c, std::move(rng));
    }
    if (spec.type == "feed_service") {
        FeedService::Feed f;
        f.strategy = feedStrategy(p["strategy"]);
        f.followers = policies::FollowerLaw(p["min_followers"].get<std::uint32_t>(),
                                            p["followers_alpha"].get<double>(),
                                            p["max_followers"].get<std::uint32_t>());
        f.celebrityThreshold = p["celebrity_threshold"].get<std::uint32_t>();
        f.following = p["following"].get<int>();
        f.keys = keySpace(s);
        return std::make_unique<FeedService>(
            spec.id, index, stationConfig(p, "workers", "service_time", "service_time"),
            std::move(rng), f, sim::makeStream(s.seed, "feed:" + spec.id));
    }
    return nullptr;
}

} // namespace sdlab::components
