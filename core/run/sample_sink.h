#pragma once

#include <string>
#include <vector>

namespace sdlab::run {

/// Receives one row of chart figures per sampling interval (time series).
class SampleSink {
public:
    virtual ~SampleSink() = default;
    virtual void begin(const std::vector<std::string>& columns) = 0;
    virtual void row(const std::vector<double>& values) = 0;
};

} // namespace sdlab::run
