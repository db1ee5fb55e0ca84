#include "target_tracking.h"

#include <algorithm>
#include <cmath>

namespace sdlab::policies {

int TargetTracker::desiredFor(double instances, double metric, double target) const {
    // A hair above a whole number is rounding noise: 4 × 0.6 / 0.6 asks for 4, not 5.
    const double wanted = std::ceil(instances * metric / target - 1e-9);
    return int(std::clamp(wanted, double(policy_.minInstances), double(policy_.maxInstances)));
}

int TargetTracker::decide(double now, double instances, double metric, int running, int booting) {
    const int want = desired(instances, metric);
    const int capacity = running + booting;
    if (want > capacity) {
        if (now - lastScaleOut_ < policy_.scaleOutCooldown) return 0;
        lastScaleOut_ = lastScaling_ = now;
        return want - capacity;
    }
    if (booting > 0 || !policy_.scaleIn || now - lastScaling_ < policy_.scaleInCooldown) return 0;
    const int wantIn = desiredFor(instances, metric, kScaleInMargin * policy_.target);
    if (wantIn >= running) return 0;
    lastScaling_ = now;
    return wantIn - running;
}

} // namespace sdlab::policies
