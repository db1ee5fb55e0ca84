#include "latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace sdlab::metrics {

int LatencyHistogram::bucketOf(double valueMs) {
    // Bucket 0 holds everything below 2^kMinExponent (including exact zeros).
    if (!(valueMs >= std::ldexp(1.0, kMinExponent))) return 0;
    int exponent = 0;
    const double mantissa = std::frexp(valueMs, &exponent); // value = mantissa * 2^exponent
    const int e = exponent - 1;                             // value in [2^e, 2^(e+1))
    if (e >= kMaxExponent) return kBucketCount - 1;
    const int sub = std::min(kSubBuckets - 1, int((mantissa * 2.0 - 1.0) * kSubBuckets));
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
    ++counts_[std::size_t(bucketOf(valueMs))];
    if (count_ == 0 || valueMs < min_) min_ = valueMs;
    if (count_ == 0 || valueMs > max_) max_ = valueMs;
    ++count_;
    sum_ += valueMs;
}

void LatencyHistogram::clear() {
    counts_.fill(0);
    count_ = 0;
    sum_ = min_ = max_ = 0;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    if (other.count_ == 0) return;
    for (std::size_t i = 0; i < counts_.size(); ++i)
        counts_[i] += other.counts_[i];
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
    for (int b = 0; b < kBucketCount; ++b) {
        seen += counts_[std::size_t(b)];
        if (seen >= rank) // the overflow bucket has no midpoint: its values are at most max
            return b == kBucketCount - 1 ? max_ : std::clamp(bucketMidpoint(b), min_, max_);
    }
    return max_;
}

} // namespace sdlab::metrics
