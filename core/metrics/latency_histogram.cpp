#include "latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace sdlab::metrics {

int LatencyHistogram::bucketOf(double valueMs) {
    // Bucket 0 holds everything below 2^kMinExponent (zeros too); NaN lands there as well.
    if (!(valueMs >= 0x1p-10)) return 0;
    static_assert(kMinExponent == -10, "keep the literal above in step");
    // Read exponent and leading mantissa bits straight from the IEEE-754 representation:
    // this runs once per request per component, and frexp() is a library call.
    const auto bits = std::bit_cast<std::uint64_t>(valueMs);
    const int e = int(bits >> 52) - 1023; // value in [2^e, 2^(e+1))
    if (e >= kMaxExponent) return kBucketCount - 1;
    const int sub = int((bits >> (52 - kSubBucketBits)) & (kSubBuckets - 1));
    return 1 + (e - kMinExponent) * kSubBuckets + sub;
}

double LatencyHistogram::bucketMidpoint(int bucket) {
    if (bucket <= 0) return 0.0;
    const int index = bucket - 1;
    const int e = kMinExponent + index / kSubBuckets;
    const int sub = index % kSubBuckets;
    return std::ldexp(1.0 + (sub + 0.5) / kSubBuckets, e);
}

void LatencyHistogram::record(double valueMs) {
    const int b = bucketOf(valueMs);
    ++counts_[std::size_t(b)];
    lowest_ = std::min(lowest_, b);
    highest_ = std::max(highest_, b);
    if (count_ == 0 || valueMs < min_) min_ = valueMs;
    if (count_ == 0 || valueMs > max_) max_ = valueMs;
    ++count_;
    sum_ += valueMs;
}

void LatencyHistogram::clear() {
    if (highest_ >= lowest_)
        std::fill(counts_.begin() + lowest_, counts_.begin() + highest_ + 1, 0);
    lowest_ = kBucketCount;
    highest_ = -1;
    count_ = 0;
    sum_ = min_ = max_ = 0;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    if (other.count_ == 0) return;
    for (int b = other.lowest_; b <= other.highest_; ++b)
        counts_[std::size_t(b)] += other.counts_[std::size_t(b)];
    lowest_ = std::min(lowest_, other.lowest_);
    highest_ = std::max(highest_, other.highest_);
    min_ = count_ ? std::min(min_, other.min_) : other.min_;
    max_ = count_ ? std::max(max_, other.max_) : other.max_;
    count_ += other.count_;
    sum_ += other.sum_;
}

double LatencyHistogram::quantile(double q) const {
    if (count_ == 0) return 0.0;
    // Nearest-rank definition: the smallest value with at least q of the samples at or below.
    const auto rank = std::uint64_t(std::max(1.0, std::ceil(q * double(count_))));
    std::uint64_t seen = 0;
    for (int b = lowest_; b <= highest_; ++b) {
        seen += counts_[std::size_t(b)];
        if (seen >= rank) // the overflow bucket has no midpoint: its values are at most max
            return b == kBucketCount - 1 ? max_ : std::clamp(bucketMidpoint(b), min_, max_);
    }
    return max_;
}

} // namespace sdlab::metrics
