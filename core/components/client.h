#pragma once

#include "policies/key_sampler.h"
#include "sim/component.h"
#include "sim/distribution.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace sdlab::components {

/// A population of users sending requests: open loop (arrivals at a rate, whatever the
/// answers) or closed loop (N users, each waiting for its answer, then thinking).
class Client final : public sim::Component {
public:
    struct Config {
        bool closedLoop = false;
        double rps = 100;
        bool poisson = true;
        int users = 10;
        sim::Distribution thinkTime = sim::Distribution::exponential(1.0);
        double readRatio = 0.9;
        std::uint32_t keys = 10000;
        double zipf = 0;
        sim::Time start = 0;                                         ///< sends nothing before this
        sim::Time stop = std::numeric_limits<sim::Time>::infinity(); ///< nor from this on
        /// Send to the nearest target that is up (lowest mean link latency), not by weight:
        /// users steered to CDN edges by GeoDNS or anycast.
        bool nearestFirst = false;
        /// Scheduled load changes (a scenario's "load_changes"): from `start` to `end` the
        /// load is `factor` times the configured one; the latest-started one in force wins.
        struct LoadStep {
            sim::Time start = 0;
            sim::Time end = std::numeric_limits<sim::Time>::infinity();
            double factor = 1;
        };
        std::vector<LoadStep> loadSteps;
    };
    Client(std::string id, sim::Index index, const Config& config, sim::Rng rng);

    void start(sim::Simulation& sim) override;
    void onArrive(sim::Simulation&, sim::Index) override {}
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void onTimer(sim::Simulation& sim, sim::Index payload) override;

    /// Scales the load live (the GUI's traffic slider): the open-loop rate is multiplied and
    /// the closed-loop think time divided by `factor`, from the next arrival on. 0 pauses.
    void setRateFactor(double factor) { rateFactor_ = std::max(0.0, factor); }
    double rateFactor() const { return rateFactor_; }
    /// The factor the scenario's scheduled load changes set now (1 when none is in force).
    double scheduledFactor() const { return scheduledFactor_; }
    /// Open loop: the arrival rate in force now (configured rate × both factors).
    double currentRps() const { return config_.rps * factor(); }

    /// End-to-end latency of answers since the last chart sample (cleared by the recorder).
    metrics::LatencyHistogram intervalLatency;

private:
    void send(sim::Simulation& sim);
    /// A gap or think time drawn from `d`, shrunk by the rate factor; a paused client looks
    /// again after kIdlePoll instead (so raising the slider resumes it).
    sim::Time scaled(const sim::Distribution& d);
    sim::Index pickLink(const sim::Simulation& sim);
    sim::Index nearestUpLink(const sim::Simulation& sim) const;
    double factor() const { return rateFactor_ * scheduledFactor_; }
    /// A scheduled load change starts or ends: the factor in force is re-read and, open
    /// loop, the arrivals start afresh at the new rate from now.
    void onLoadStep(sim::Simulation& sim);

    Config config_;
    sim::Rng rng_;
    policies::KeySampler keys_;
    sim::Distribution gap_;              ///< between arrivals (open loop)
    std::vector<sim::Index> byDistance_; ///< nearestFirst: the links, nearest first
    double rateFactor_ = 1.0;
    double scheduledFactor_ = 1.0;
    /// Open loop: the arrival chain in force. A load change starts a new chain; timers of an
    /// older one carry an older generation and are dropped.
    sim::Index generation_ = 0;
};

} // namespace sdlab::components
