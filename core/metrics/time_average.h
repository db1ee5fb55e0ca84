#pragma once

namespace sdlab::metrics {

/// Integrates a piecewise-constant quantity (busy workers, queue length) over simulated time.
/// The integral runs from time 0; averages over a window come from two readings of area().
class TimeIntegral {
public:
    void set(double value, double now) {
        area_ += value_ * (now - last_);
        last_ = now;
        value_ = value;
    }
    void add(double delta, double now) { set(value_ + delta, now); }
    double value() const { return value_; }
    double area(double now) const { return area_ + value_ * (now - last_); }

private:
    double value_ = 0;
    double last_ = 0;
    double area_ = 0;
};

} // namespace sdlab::metrics
