// Station: the instances it runs. Launching (with a boot time), retiring (draining), a crash
// of one instance, and the target-tracking autoscaler that drives them.
#include "station.h"

#include "sim/simulation.h"

#include <algorithm>

namespace sdlab::components {

namespace {

/// The timer payload of an autoscaling evaluation; any other payload is a booting slot.
constexpr sim::Index kEvaluate = sim::kNone;

double ratio(double a, double b) {
    return b > 0 ? a / b : 0.0;
}

} // namespace

void Station::start(sim::Simulation& sim) {
    planCalls(sim);
    if (!tracker_) return;
    const auto& p = tracker_->policy();
    resize(sim, std::clamp(config_.replicas, p.minInstances, p.maxInstances));
    scheduleEvaluation(sim);
}

void Station::onTimer(sim::Simulation& sim, sim::Index payload) {
    if (payload != kEvaluate)
        finishBoot(sim, payload);
    else if (tracker_ && sim.now() == nextEvaluation_)
        evaluate(sim);
}

void Station::setInstanceDown(int instance, bool down) {
    if (instance < 0 || instance >= kMaxInstances) return;
    if (std::size_t(instance) >= instances_.size()) {
        instances_.resize(std::size_t(instance) + 1);
        for (std::size_t i = std::size_t(instance); i < instances_.size(); ++i)
            instances_[i].state = Instance::State::Stopped;
    }
    instances_[std::size_t(instance)].down = down;
}

int Station::bootingInstances() const {
    return int(std::count_if(instances_.begin(), instances_.end(), [](const Instance& i) {
        return i.state == Instance::State::Booting;
    }));
}

int Station::setInstances(sim::Simulation& sim, int count) {
    count = std::clamp(count, 1, kMaxInstances);
    if (tracker_)
        count = std::clamp(count, tracker_->policy().minInstances, tracker_->policy().maxInstances);
    resize(sim, count);
    return count;
}

std::optional<policies::AutoscalingPolicy> Station::autoscaling() const {
    if (!tracker_) return std::nullopt;
    return tracker_->policy();
}

void Station::setAutoscaling(sim::Simulation& sim,
                             std::optional<policies::AutoscalingPolicy> policy) {
    if (!policy) {
        tracker_.reset();
        nextEvaluation_ = -1;
        return;
    }
    if (tracker_)
        tracker_->setPolicy(*policy);
    else
        tracker_.emplace(*policy);
    const int count = runningInstances() + bootingInstances();
    resize(sim, std::clamp(count, policy->minInstances, policy->maxInstances));
    scheduleEvaluation(sim);
}

void Station::resize(sim::Simulation& sim, int count) {
    int present = runningInstances() + bootingInstances();
    for (; present < count; ++present)
        launch(sim);
    for (; present > count; --present)
        retire(sim);
    instanceLog_.record(sim.now(), runningInstances());
}

void Station::launch(sim::Simulation& sim) {
    auto slot = std::find_if(instances_.begin(), instances_.end(),
                             [](const Instance& i) { return i.state == Instance::State::Stopped; });
    if (slot == instances_.end()) slot = instances_.emplace(instances_.end());
    const auto number = sim::Index(slot - instances_.begin());
    const double boot = tracker_ ? tracker_->policy().boot : 0.0;
    slot->state = Instance::State::Booting;
    slot->readyAt = sim.now() + boot;
    if (boot > 0)
        sim.schedule(boot, sim::EventKind::Timer, index(), number);
    else
        finishBoot(sim, number);
}

void Station::finishBoot(sim::Simulation& sim, sim::Index slot) {
    Instance& instance = instances_[slot];
    // A timer whose launch was cancelled (and the slot perhaps launched again) is stale.
    if (instance.state != Instance::State::Booting || sim.now() < instance.readyAt) return;
    instance.state = Instance::State::Running;
    routable_.insert(std::upper_bound(routable_.begin(), routable_.end(), slot), slot);
    counters.extraWorkers.add(config_.workers, sim.now());
    instanceLog_.record(sim.now(), runningInstances());
}

void Station::retire(sim::Simulation& sim) {
    // Cancelling a launch loses nothing, so the newest booting instance goes first.
    for (auto i = instances_.rbegin(); i != instances_.rend(); ++i)
        if (i->state == Instance::State::Booting) {
            i->state = Instance::State::Stopped;
            return;
        }
    // Else the highest-numbered running one leaves the rotation. It drains: what it holds,
    // queued or in service, finishes there (as a load balancer's deregistration delay lets
    // connections finish) rather than moving to instances that may be just as busy.
    Instance& leaving = instances_[routable_.back()];
    routable_.pop_back();
    leaving.state = Instance::State::Draining;
    if (leaving.busy == 0) stop(sim, leaving);
}

void Station::stop(sim::Simulation& sim, Instance& instance) {
    instance.state = Instance::State::Stopped;
    counters.extraWorkers.add(-config_.workers, sim.now());
}

Station::Reading Station::reading(double now) const {
    return {now, counters.busy.area(now), now * workers() + counters.extraWorkers.area(now),
            counters.queued.area(now)};
}

void Station::scheduleEvaluation(sim::Simulation& sim) {
    const double interval = tracker_->policy().interval;
    nextEvaluation_ = sim.now() + interval;
    lastReading_ = reading(sim.now());
    sim.schedule(interval, sim::EventKind::Timer, index(), kEvaluate);
}

void Station::evaluate(sim::Simulation& sim) {
    const Reading now = reading(sim.now());
    const double seconds = now.time - lastReading_.time;
    const double workerArea = now.workerArea - lastReading_.workerArea;
    // Instances present on average (draining ones too: they still do the work they hold).
    const double instances = ratio(workerArea, seconds * config_.workers);
    const double metric =
        tracker_->policy().metric == policies::AutoscalingPolicy::Metric::Utilization
            ? ratio(now.busyArea - lastReading_.busyArea, workerArea)
            : ratio(ratio(now.queueArea - lastReading_.queueArea, seconds), instances);
    const int running = runningInstances();
    const int booting = bootingInstances();
    if (const int change = tracker_->decide(sim.now(), instances, metric, running, booting))
        resize(sim, running + booting + change);
    scheduleEvaluation(sim);
}

} // namespace sdlab::components
