#pragma once

#include <array>
#include <cstdint>

namespace sdlab::metrics {

/// Bounded-memory latency histogram with log-linear buckets (HdrHistogram's idea): each
/// power-of-two range is split into kSubBuckets equal buckets, so a reported quantile (the
/// bucket's midpoint) is within 1/(2*kSubBuckets) ≈ 0.4% of the true value. Values are in
/// milliseconds, from ~1 µs up to ~9 hours; the mean and max are kept exactly.
class LatencyHistogram {
public:
    static constexpr int kSubBucketBits = 7;
    static constexpr int kSubBuckets = 1 << kSubBucketBits;
    static constexpr int kMinExponent = -10; ///< 2^-10 ms ≈ 1 µs
    static constexpr int kMaxExponent = 25;  ///< 2^25 ms ≈ 9.3 h
    /// Bucket 0 holds values below 2^kMinExponent, the last one values beyond 2^kMaxExponent.
    static constexpr int kBucketCount = (kMaxExponent - kMinExponent) * kSubBuckets + 2;

    void record(double valueMs);
    void clear();
    void merge(const LatencyHistogram& other);

    std::uint64_t count() const { return count_; }
    double mean() const { return count_ ? sum_ / double(count_) : 0.0; }
    double max() const { return max_; }
    double min() const { return count_ ? min_ : 0.0; }
    /// The q-quantile (0 < q ≤ 1), 0 when empty.
    double quantile(double q) const;

    static int bucketOf(double valueMs);
    static double bucketMidpoint(int bucket);

private:
    std::array<std::uint64_t, kBucketCount> counts_{};
    int lowest_ = kBucketCount; ///< buckets outside [lowest_, highest_] are all zero, so
    int highest_ = -1;          ///< clearing and scanning a sparse histogram stay cheap
    std::uint64_t count_ = 0;
    double sum_ = 0;
    double min_ = 0;
    double max_ = 0;
};

} // namespace sdlab::metrics
