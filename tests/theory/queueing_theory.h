// Reference queueing formulas for validation tests (header-only).
#pragma once

#include <cmath>
#include <limits>

namespace sdlab::theory {

// Erlang B blocking probability (Erlang loss formula), recursion B_k = aB_{k-1} / (k + aB_{k-1}).
inline double erlangB(int c, double a) {
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return b;
}

// Erlang C probability of waiting in M/M/c: C = B / (1 - rho (1 - B)); 1 if unstable (a >= c).
inline double erlangC(int c, double a) {
    if (a >= c) return 1.0;
    const double b = erlangB(c, a);
    return b / (1.0 - a / c * (1.0 - b));
}

// Survival P(X + Y > t) of X ~ Exp(r1), Y ~ Exp(r2) (hypoexponential; Erlang-2 when r1 == r2).
// Written as e^{-rt}(1 + r t phi(dt)), phi(x) = (1 - e^{-x}) / x, r = min rate: no cancellation.
inline double hypoexpSurvival(double r1, double r2, double t) {
    const double r = std::fmin(r1, r2);
    const double x = (std::fmax(r1, r2) - r) * t;
    const double phi = x == 0.0 ? 1.0 : -std::expm1(-x) / x;
    return std::exp(-r * t) * (1.0 + r * t * phi);
}

// M/M/c FIFO queue with arrival rate lambda, service rate mu per server and c servers.
struct MMc {
    double lambda, mu;
    int c;

    // Server utilization rho = lambda / (c mu).
    double utilization() const { return lambda / (c * mu); }
    // Probability an arrival has to wait (Erlang C).
    double probWait() const { return erlangC(c, lambda / mu); }
    // Mean waiting time in queue Wq = C / (c mu - lambda).
    double meanWait() const { return probWait() / (c * mu - lambda); }
    // Mean response (sojourn) time W = Wq + 1/mu.
    double meanResponse() const { return meanWait() + 1.0 / mu; }
    // Mean queue length Lq = lambda Wq (Little's law).
    double meanQueueLength() const { return lambda * meanWait(); }
    // Mean number in system L = lambda W (Little's law).
    double meanInSystem() const { return lambda * meanResponse(); }

    // CDF of T = Wq + S: Wq = 0 w.p. 1 - C, else Exp(c mu - lambda); S ~ Exp(mu).
    double responseCdf(double t) const {
        if (t <= 0.0) return 0.0;
        const double pw = probWait();
        return 1.0 - (1.0 - pw) * std::exp(-mu * t) - pw * hypoexpSurvival(c * mu - lambda, mu, t);
    }

    // p-quantile of the response time: bisection on responseCdf to 1e-12 relative precision.
    double responseQuantile(double p) const {
        if (p <= 0.0) return 0.0;
        if (p >= 1.0) return std::numeric_limits<double>::infinity();
        double lo = 0.0, hi = 1.0 / mu;
        while (responseCdf(hi) < p) {
            lo = hi;
            hi *= 2.0;
        }
        while (hi - lo > 1e-12 * hi) {
            const double mid = 0.5 * (lo + hi);
            (responseCdf(mid) < p ? lo : hi) = mid;
        }
        return 0.5 * (lo + hi);
    }
};

// M/D/1 mean response time (Pollaczek-Khinchine): W = d + rho d / (2 (1 - rho)), rho = lambda d.
inline double md1MeanResponse(double lambda, double d) {
    const double rho = lambda * d;
    return d + rho * d / (2.0 * (1.0 - rho));
}

// M/G/1 mean response time (Pollaczek-Khinchine): W = E[S] + lambda E[S^2] / (2 (1 - rho)),
// with E[S^2] = (1 + scv) E[S]^2.
inline double mg1MeanResponse(double lambda, double meanS, double scv) {
    const double rho = lambda * meanS;
    const double es2 = (1.0 + scv) * meanS * meanS;
    return meanS + lambda * es2 / (2.0 * (1.0 - rho));
}

// GI/M/1 with Erlang-k interarrival times: Poisson traffic of rate lambda split round-robin
// over k single-server queues, each with service rate mu. Mean response 1/(mu(1 - sigma)),
// sigma the root in (0, 1) of sigma = (lambda / (lambda + mu (1 - sigma)))^k.
inline double roundRobinSplitMeanResponse(double lambda, double mu, int k) {
    double sigma = 0.5;
    for (int i = 0; i < 10000; ++i)
        sigma = std::pow(lambda / (lambda + mu * (1.0 - sigma)), k);
    return 1.0 / (mu * (1.0 - sigma));
}

} // namespace sdlab::theory
