#include "feed_service.h"

#include "metrics/latency_json.h"
#include "sim/simulation.h"

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <limits>
#include <nlohmann/json.hpp>

namespace sdlab::components {

FeedService::FeedService(std::string id, sim::Index index, const Config& config, sim::Rng rng,
                         const Feed& feed, sim::Rng feedRng)
    : Station(std::move(id), index, config, std::move(rng))
    , feed_(feed)
    , feedRng_(std::move(feedRng)) {
    // In a random follow graph an edge points at an account in proportion to its followers.
    const double mean = feed.followers.mean();
    celebrityEdgeShare_ = feed.strategy == Strategy::Hybrid && mean > 0
                              ? (mean - feed.followers.meanBelow(feed.celebrityThreshold)) / mean
                              : 0.0;
}

void FeedService::add(std::uint64_t Counts::*field, std::uint64_t n, bool measuring) {
    total_.*field += n;
    if (measuring) window_.*field += n;
}

void FeedService::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    if (outLinks().empty()) {
        answer(sim, frame, true); // no store behind it: nothing to keep or gather
        return;
    }
    if (sim.writes(frame))
        post(sim, frame);
    else
        readTimeline(sim, frame);
}

void FeedService::post(sim::Simulation& sim, sim::Index frame) {
    const std::uint32_t followers = feed_.followers(feedRng_);
    const bool celebrity =
        feed_.strategy == Strategy::Hybrid && followers >= feed_.celebrityThreshold;
    const std::uint32_t pushes = feed_.strategy == Strategy::OnRead || celebrity ? 0 : followers;
    const bool measuring = sim.measuring();
    add(&Counts::posts, 1, measuring);
    add(&Counts::celebrityPosts, celebrity, measuring);
    add(&Counts::timelineWrites, pushes, measuring);
    for (std::uint32_t i = 0; i < pushes; ++i)
        spawn(sim, sim::RequestKind::Write, 0);
    sim.call(frame, outLinks().front()); // the post itself
}

void FeedService::readTimeline(sim::Simulation& sim, sim::Index frame) {
    std::uint32_t reads = 1; // on_write: the precomputed timeline
    if (feed_.strategy == Strategy::OnRead)
        reads = std::uint32_t(feed_.following);
    else if (feed_.strategy == Strategy::Hybrid)
        reads += std::uint32_t(boost::random::binomial_distribution<int>(
            feed_.following, celebrityEdgeShare_)(feedRng_));
    add(&Counts::reads, 1, sim.measuring());
    add(&Counts::storeReads, reads, sim.measuring());
    if (reads == 1) {
        sim.call(frame, outLinks().front());
        return;
    }
    const sim::Index g = gathers_.acquire();
    // One extra count until every read is sent: a read that fails at once must not finish it.
    gathers_[g] = {frame, reads + 1, true, sim::Outcome::Ok};
    for (std::uint32_t i = 0; i < reads; ++i)
        spawn(sim, sim::RequestKind::Read, g + 1);
    gatherAnswered(sim, g, true, sim::Outcome::Ok);
}

void FeedService::spawn(sim::Simulation& sim, sim::RequestKind kind, std::uint32_t tag) {
    const auto key =
        boost::random::uniform_int_distribution<std::uint32_t>(0, feed_.keys - 1)(feedRng_);
    const sim::Index root =
        sim.startRequest(index(), kind, key, std::numeric_limits<double>::infinity());
    sim.frame(root).step = tag;
    sim.call(root, outLinks().front());
}

void FeedService::gatherAnswered(sim::Simulation& sim, sim::Index g, bool ok, sim::Outcome cause) {
    Gather& gather = gathers_[g];
    if (!ok && gather.ok) {
        gather.ok = false;
        gather.cause = cause;
    }
    if (--gather.pending > 0) return;
    const Gather done = gather;
    gathers_.release(g);
    answer(sim, done.frame, done.ok, done.cause);
}

void FeedService::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    const sim::Frame& f = sim.frame(frame);
    if (f.parent != sim::kNone) { // the post's own store call, or a one-read timeline
        answer(sim, frame, ok);
        return;
    }
    const std::uint32_t tag = f.step; // a request of its own: a push, or a gather's read
    const sim::Outcome cause = f.lastOutcome;
    sim.finishRequest(frame);
    if (tag > 0) gatherAnswered(sim, tag - 1, ok, cause);
}

void FeedService::answer(sim::Simulation& sim, sim::Index frame, bool ok, sim::Outcome cause) {
    if (ok && sim.measuring())
        (sim.writes(frame) ? postLatency_ : readLatency_)
            .record((sim.now() - sim.frame(frame).arrived) * 1000.0);
    sim.respond(frame, ok, cause);
}

void FeedService::reportExtra(nlohmann::ordered_json& out, const metrics::CounterSnapshot&) const {
    const Counts& w = window_;
    auto per = [](std::uint64_t n, std::uint64_t d) { return d ? double(n) / double(d) : 0.0; };
    out["feed"] = {{"posts", w.posts},
                   {"celebrity_posts", w.celebrityPosts},
                   {"timeline_writes", w.timelineWrites},
                   {"timeline_writes_per_post", per(w.timelineWrites, w.posts)},
                   {"write_amplification", per(w.posts + w.timelineWrites, w.posts)},
                   {"timeline_reads", w.reads},
                   {"store_reads", w.storeReads},
                   {"read_cost", per(w.storeReads, w.reads)},
                   {"mean_followers", feed_.followers.mean()},
                   {"post_latency_ms", metrics::latencySummaryJson(postLatency_)},
                   {"read_latency_ms", metrics::latencySummaryJson(readLatency_)}};
}

std::vector<std::string> FeedService::seriesNames() const {
    return {"timeline_writes", "store_reads"};
}

std::vector<std::uint64_t> FeedService::seriesTotals() const {
    return {total_.timelineWrites, total_.storeReads};
}

} // namespace sdlab::components
