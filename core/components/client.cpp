#include "client.h"

#include "sim/simulation.h"

#include <algorithm>
#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <limits>

namespace sdlab::components {

using sim::EventKind;

namespace {
constexpr sim::Time kIdlePoll = 0.1; ///< a paused client (factor 0) checks again this often
/// Timer payloads with this bit are load steps (their index in the rest); others are arrivals
/// (open loop: the chain's generation) or users.
constexpr sim::Index kLoadStepMark = sim::Index(1) << 31;
} // namespace

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
        sim.schedule(config_.start + gap_.sample(rng_), EventKind::Timer, index(), generation_);
    }
    for (std::size_t k = 0; k < config_.loadSteps.size(); ++k) {
        const auto& step = config_.loadSteps[k];
        const auto payload = kLoadStepMark | sim::Index(k);
        sim.schedule(step.start, EventKind::Timer, index(), payload);
        if (std::isfinite(step.end)) sim.schedule(step.end, EventKind::Timer, index(), payload);
    }
}

void Client::onLoadStep(sim::Simulation& sim) {
    const sim::Time now = sim.now();
    double factor = 1;
    sim::Time latest = -1;
    for (const auto& step : config_.loadSteps)
        if (step.start <= now && now < step.end && step.start >= latest) {
            latest = step.start; // ties: the later one in the file
            factor = step.factor;
        }
    scheduledFactor_ = factor;
    if (config_.closedLoop || now >= config_.stop) return; // users pick it up at their next think
    // Memoryless arrivals may start afresh: the pending one was drawn at the old rate.
    ++generation_;
    sim.schedule(std::max(config_.start - now, 0.0) + scaled(gap_), EventKind::Timer, index(),
                 generation_);
}

sim::Time Client::scaled(const sim::Distribution& d) {
    const double f = factor();
    if (f <= 0) return kIdlePoll;
    const sim::Time t = d.sample(rng_);
    return f == 1.0 ? t : t / f; // unscaled runs draw the very same times
}

void Client::onTimer(sim::Simulation& sim, sim::Index payload) {
    if (payload & kLoadStepMark) {
        onLoadStep(sim);
        return;
    }
    if (!config_.closedLoop && payload != generation_) return; // a chain a load change ended
    if (sim.now() >= config_.stop) return; // the traffic is over: no more arrivals or users
    if (factor() <= 0) { // paused by the traffic slider or a load change: it waits
        sim.schedule(kIdlePoll, EventKind::Timer, index(), payload);
        return;
    }
    if (!config_.closedLoop) sim.schedule(scaled(gap_), EventKind::Timer, index(), generation_);
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
