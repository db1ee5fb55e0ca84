#pragma once

#include "random_stream.h"

namespace sdlab::sim {

/// A positive random duration (service time, network latency, think time). Values are in
/// seconds; the scenario file speaks milliseconds and converts at load time.
class Distribution {
public:
    enum class Kind { Deterministic, Exponential, LogNormal, Uniform };

    static Distribution deterministic(double value);
    static Distribution exponential(double mean);
    /// Log-normal with the given mean and coefficient of variation (stddev / mean).
    static Distribution logNormal(double mean, double cv);
    static Distribution uniform(double min, double max);

    /// Inline so that fixed delays (most links) cost a branch, not a call.
    double sample(Rng& rng) const { return kind_ == Kind::Deterministic ? a_ : sampleRandom(rng); }
    double mean() const;
    /// Squared coefficient of variation: 0 deterministic, 1 exponential.
    double scv() const;
    Kind kind() const { return kind_; }
    bool isZero() const { return kind_ == Kind::Deterministic && a_ == 0.0; }

private:
    double sampleRandom(Rng& rng) const;
    Distribution(Kind kind, double a, double b)
        : kind_(kind)
        , a_(a)
        , b_(b) {}
    Kind kind_ = Kind::Deterministic;
    double a_ = 0; ///< value, mean, log-mean or min
    double b_ = 0; ///< log-sigma or max
};

} // namespace sdlab::sim
