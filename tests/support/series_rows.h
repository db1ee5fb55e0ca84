#pragma once
// A sample sink that keeps a run's time series, for tests that read chart columns.

#include "run/sample_sink.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace sdlab::test {

struct Rows : run::SampleSink {
    std::vector<std::string> columns;
    std::vector<std::vector<double>> rows;
    void begin(const std::vector<std::string>& c) override { columns = c; }
    void row(const std::vector<double>& values) override { rows.push_back(values); }
    double at(std::size_t row, const std::string& column) const {
        const auto it = std::find(columns.begin(), columns.end(), column);
        return it == columns.end() ? std::nan("") : rows[row][std::size_t(it - columns.begin())];
    }
};

} // namespace sdlab::test
