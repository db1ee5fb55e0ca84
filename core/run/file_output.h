#pragma once

#include "sample_sink.h"

#include <filesystem>
#include <fstream>
#include <string>

namespace sdlab::run {

/// Writes `content` to `path` so that readers see the old file or the new one, never half:
/// a temporary file beside it, flushed, then renamed over it. Throws std::runtime_error.
void writeFileAtomically(const std::filesystem::path& path, const std::string& content);

/// One time-series value as timeseries.csv writes it (6 significant digits), shared with
/// the GUI's chart export so both files agree.
std::string csvValue(double value);

/// Streams rows to a CSV file as the run goes (memory stays flat however long the run);
/// the file appears under its name only when commit() succeeds.
class CsvFileSink final : public SampleSink {
public:
    explicit CsvFileSink(std::filesystem::path path);
    ~CsvFileSink() override;
    void begin(const std::vector<std::string>& columns) override;
    void row(const std::vector<double>& values) override;
    void commit();

private:
    std::filesystem::path path_;
    std::filesystem::path temp_;
    std::ofstream out_;
    bool committed_ = false;
};

} // namespace sdlab::run
