#pragma once

#include "policies/cache_store.h"
#include "policies/rate_limiter.h"
#include "station.h"

#include <memory>
#include <optional>

namespace sdlab::components {

/// An API gateway: the single entry point in front of the services. A request is rate
/// limited first (refused at once with 429, before any work, by one limiter for everybody or
/// one per originating client), then handled on the gateway's workers (authentication,
/// request processing: its own service time), answered from the optional response cache if
/// it is a read held there, and otherwise routed downstream like a service's calls: over the
/// links its kind takes (`route`), one after another or all at once.
class ApiGateway final : public Station {
public:
    ApiGateway(std::string id, sim::Index index, const Config& config, sim::Rng rng,
               std::optional<policies::RateLimit> rateLimit,
               std::unique_ptr<policies::CacheStore> cache);

    void start(sim::Simulation& sim) override;
    void onArrive(sim::Simulation& sim, sim::Index frame) override;
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void flush(sim::Simulation& sim) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    std::vector<std::string> seriesNames() const override;
    std::vector<std::uint64_t> seriesTotals() const override;

    /// The limiters' headroom now (requests they would let through in a burst), by client
    /// component index (global limit: kNone); none without a rate limit.
    std::vector<std::pair<sim::Index, double>> limiterHeadroom(double now) const;

private:
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
    /// Every downstream call is done: keep a read's answer, then answer.
    void answer(sim::Simulation& sim, sim::Index frame, bool ok);
    bool admit(const sim::Simulation& sim, sim::Index frame);

    std::optional<policies::RateLimit> rateLimit_;
    /// One limiter for everybody, or one per client (by component index, made on first use).
    std::vector<std::unique_ptr<policies::RateLimiter>> limiters_;
    std::unique_ptr<policies::CacheStore> cache_; ///< none unless configured
    /// Requests its own limiter refused (not 429s passed on from further down), from time 0
    /// and in the measured window.
    std::uint64_t limitedTotal_ = 0, limitedWindow_ = 0;
};

} // namespace sdlab::components
