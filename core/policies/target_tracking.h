#pragma once

namespace sdlab::policies {

/// Target-tracking autoscaling with AWS's semantics: every `interval` the metric, averaged
/// over that interval, sets the desired count ceil(instances × metric / target), clamped to
/// [minInstances, maxInstances]. Instances still booting count as capacity already, so a
/// launch is not repeated while it boots; cooldowns space the actions out.
///
/// `instances` is the mean number present over the interval the metric was measured on, not
/// the count now: instances that joined at its very end did not share the load the metric
/// saw, and multiplying by them would overshoot (AWS excludes them as still warming up).
///
/// Scale-in aims lower, at kScaleInMargin × target (AWS's scale-in alarm sits at 90% of the
/// target too): a fleet left just under the target by a scale-in would otherwise cross it
/// again on the next noisy reading and scale out, then in, for ever.
struct AutoscalingPolicy {
    enum class Metric {
        Utilization,     ///< fraction of the workers present that were busy
        QueuePerInstance ///< requests waiting, per running instance
    };
    Metric metric = Metric::Utilization;
    double target = 0.6;
    int minInstances = 1;
    int maxInstances = 10;
    double interval = 30;         ///< s between evaluations; the metric is averaged over it
    double scaleOutCooldown = 60; ///< s after a scale-out before the next one
    double scaleInCooldown = 300; ///< s after any scaling before a scale-in
    double boot = 60;             ///< s before a new instance takes traffic
    bool scaleIn = true;          ///< false: scale-in protection, never removes instances
};

/// Decides, evaluation by evaluation, how many instances to add or remove. Plain arithmetic
/// and two remembered times: the station that owns it does the launching and draining.
class TargetTracker {
public:
    static constexpr double kScaleInMargin = 0.9;

    explicit TargetTracker(const AutoscalingPolicy& policy)
        : policy_(policy) {}

    const AutoscalingPolicy& policy() const { return policy_; }
    /// A new policy at run time; the cooldowns already running keep running.
    void setPolicy(const AutoscalingPolicy& policy) { policy_ = policy; }

    /// ceil(instances × metric / target) clamped to [min, max].
    int desired(double instances, double metric) const {
        return desiredFor(instances, metric, policy_.target);
    }
    /// Instances to launch (> 0) or remove (< 0) now, given those running and booting now and
    /// the metric and mean instance count over the last interval. Scale-in waits until nothing
    /// boots, so it never judges a fleet whose new capacity has not arrived yet.
    int decide(double now, double instances, double metric, int running, int booting);

private:
    int desiredFor(double instances, double metric, double target) const;

    AutoscalingPolicy policy_;
    double lastScaleOut_ = -1e300;
    double lastScaling_ = -1e300; ///< out or in
};

} // namespace sdlab::policies
