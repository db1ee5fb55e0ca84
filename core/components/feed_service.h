#pragma once

#include "policies/follower_law.h"
#include "sim/slot_pool.h"
#include "station.h"

namespace sdlab::components {

/// Home timelines with fan-out on write, on read, or hybrid. After its own work (Station), a
/// post (a write) is stored downstream, and under on_write (hybrid: authors below the
/// celebrity threshold) pushed into each follower's timeline: one background store write
/// per follower, started as requests of its own so that the author does not wait for them.
/// A timeline read is one store read under on_write; on_read gathers the followed accounts'
/// posts with parallel store reads; hybrid reads the timeline plus each celebrity followed.
class FeedService final : public Station {
public:
    enum class Strategy { OnWrite, OnRead, Hybrid };
    struct Feed {
        Strategy strategy = Strategy::OnWrite;
        policies::FollowerLaw followers{10, 1.5, 100000};
        std::uint32_t celebrityThreshold = 10000;
        int following = 50;
        std::uint32_t keys = 10000; ///< key space of the timelines and post lists
    };
    /// `feedRng` draws followers, celebrity reads and keys, apart from the Station's stream.
    FeedService(std::string id, sim::Index index, const Config& config, sim::Rng rng,
                const Feed& feed, sim::Rng feedRng);
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;
    std::vector<std::string> seriesNames() const override;
    std::vector<std::uint64_t> seriesTotals() const override;

private:
    struct Counts {
        std::uint64_t posts = 0, celebrityPosts = 0, timelineWrites = 0, reads = 0, storeReads = 0;
    };
    /// A timeline read waiting for its parallel store reads.
    struct Gather {
        sim::Index frame = sim::kNone;
        std::uint32_t pending = 0;
        bool ok = true;
        sim::Outcome cause = sim::Outcome::Ok; ///< the first failed read's
    };
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
    void post(sim::Simulation& sim, sim::Index frame);
    void readTimeline(sim::Simulation& sim, sim::Index frame);
    /// Starts a store call of its own (a push, or one read of gather `tag` − 1).
    void spawn(sim::Simulation& sim, sim::RequestKind kind, std::uint32_t tag);
    void gatherAnswered(sim::Simulation& sim, sim::Index gather, bool ok, sim::Outcome cause);
    /// Answers the caller, timing posts and timeline reads apart.
    void answer(sim::Simulation& sim, sim::Index frame, bool ok,
                sim::Outcome cause = sim::Outcome::Inherited);
    void add(std::uint64_t Counts::*field, std::uint64_t n, bool measuring);

    Feed feed_;
    sim::Rng feedRng_;
    double celebrityEdgeShare_; ///< of follow edges, the share that point at celebrities
    sim::SlotPool<Gather> gathers_;
    Counts total_, window_;
    metrics::LatencyHistogram postLatency_, readLatency_;
};

} // namespace sdlab::components
