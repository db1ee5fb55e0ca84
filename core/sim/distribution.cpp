#include "distribution.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

namespace sdlab::sim {

Distribution Distribution::deterministic(double value) {
    return {Kind::Deterministic, value, 0};
}

Distribution Distribution::exponential(double mean) {
    return {Kind::Exponential, mean, 0};
}

Distribution Distribution::logNormal(double mean, double cv) {
    const double sigma2 = std::log1p(cv * cv);
    return {Kind::LogNormal, std::log(mean) - sigma2 / 2, std::sqrt(sigma2)};
}

Distribution Distribution::uniform(double min, double max) {
    return {Kind::Uniform, min, max};
}

double Distribution::sampleRandom(Rng& rng) const {
    switch (kind_) {
    case Kind::Deterministic:
        return a_;
    case Kind::Exponential:
        return a_ * boost::random::exponential_distribution<double>()(rng);
    case Kind::LogNormal:
        return boost::random::lognormal_distribution<double>(a_, b_)(rng);
    case Kind::Uniform:
        return boost::random::uniform_real_distribution<double>(a_, b_)(rng);
    }
    return a_;
}

double Distribution::mean() const {
    switch (kind_) {
    case Kind::Deterministic:
    case Kind::Exponential:
        return a_;
    case Kind::LogNormal:
        return std::exp(a_ + b_ * b_ / 2);
    case Kind::Uniform:
        return (a_ + b_) / 2;
    }
    return a_;
}

double Distribution::scv() const {
    switch (kind_) {
    case Kind::Deterministic:
        return 0;
    case Kind::Exponential:
        return 1;
    case Kind::LogNormal:
        return std::expm1(b_ * b_);
    case Kind::Uniform: {
        const double m = mean();
        return m > 0 ? (b_ - a_) * (b_ - a_) / 12 / (m * m) : 0;
    }
    }
    return 0;
}

} // namespace sdlab::sim
