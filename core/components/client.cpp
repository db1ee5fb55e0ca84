#include "client.h"

#include "sim/simulation.h"

#include <algorithm>
#include <boost/random/uniform_01.hpp>
#include <limits>

namespace sdlab::components {

using sim::EventKind;

Client::Client(std::string id, sim::Index index, const Config& config, sim::Rng rng)
    : Component(std::move(id), index)
    , config_(config)
    , rng_(std::move(rng))
    , keys_(config.keys, config.zipf)
    , gap_(config.poisson ? sim::Distribution::exponential(1.0 / config.rps)
                          : sim::Distribution::deterministic(1.0 / config.rps)) {}

void Client::start(sim::Simulation& sim) {
    if (outLinks().empty()) return; // not connected yet: nothing to send to
    if (config_.nearestFirst) {
        byDistance_ = outLinks();
        std::stable_sort(byDistance_.begin(), byDistance_.end(), [&](sim::Index a, sim::Index b) {
            return sim.link(a).latency.mean() < sim.link(b).latency.mean();
        });
    }
    if (config_.closedLoop) {
        for (int u = 0; u < config_.users; ++u)
            sim.schedule(config_.start + config_.thinkTime.sample(rng_), EventKind::Timer, index(),
                         0);
    } else {
        sim.schedule(config_.start + gap_.sample(rng_), EventKind::Timer, index(), 0);
    }
}

namespace {
constexpr sim::Time kIdlePoll = 0.1; ///< a paused client (factor 0) checks again this often
} // namespace

sim::Time Client::scaled(const sim::Distribution& d) {
    if (rateFactor_ <= 0) return kIdlePoll;
    const sim::Time t = d.sample(rng_);
    return rateFactor_ == 1.0 ? t : t / rateFactor_; // unscaled runs draw the very same times
}

void Client::onTimer(sim::Simulation& sim, sim::Index) {
    if (sim.now() >= config_.stop) return; // the traffic is over: no more arrivals or users
    if (rateFactor_ <= 0) { // paused by the traffic slider: the user (or arrival) waits
        sim.schedule(kIdlePoll, EventKind::Timer, index(), 0);
        return;
    }
    if (!config_.closedLoop) sim.schedule(scaled(gap_), EventKind::Timer, index(), 0);
    send(sim);
}

sim::Index Client::pickLink(const sim::Simulation& sim) {
    const auto& links = outLinks();
    if (links.size() == 1) return links.front();
    if (config_.nearestFirst) return nearestUpLink(sim);
    // Several entry points: spread requests in proportion to the links' weights.
    double total = 0;
    for (sim::Index l : links)
        total += sim.link(l).weight;
    double draw = boost::random::uniform_01<double>()(rng_) * total;
    for (sim::Index l : links) {
        draw -= sim.link(l).weight;
        if (draw < 0) return l;
    }
    return links.back();
}

sim::Index Client::nearestUpLink(const sim::Simulation& sim) const {
    for (sim::Index l : byDistance_)
        if (!sim.component(sim.link(l).to).faults.down) return l;
    return byDistance_.front(); // all down: the nearest, which fails
}

void Client::send(sim::Simulation& sim) {
    const bool read =
        config_.readRatio >= 1 ||
        (config_.readRatio > 0 && boost::random::uniform_01<double>()(rng_) < config_.readRatio);
    const std::uint32_t key = keys_(rng_);
    const sim::Index root =
        sim.startRequest(index(), read ? sim::RequestKind::Read : sim::RequestKind::Write, key,
                         std::numeric_limits<double>::infinity());
    ++counters.arrivals;
    counters.inside.add(1, sim.now());
    sim.call(root, pickLink(sim));
}

void Client::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    const double latencyMs = (sim.now() - sim.requestOf(frame).created) * 1000.0;
    const auto cause = sim.frame(frame).lastOutcome;
    sim.finishRequest(frame);
    counters.inside.add(-1, sim.now());
    if (ok) {
        ++counters.completed;
        intervalLatency.record(latencyMs);
        if (sim.measuring()) latency.record(latencyMs);
    } else {
        ++counters.failed;
        if (cause != sim::Outcome::Ok && int(cause) < metrics::kFailureCauses)
            ++counters.failedBy[std::size_t(cause)];
    }
    if (config_.closedLoop) sim.schedule(scaled(config_.thinkTime), EventKind::Timer, index(), 0);
}

} // namespace sdlab::components
