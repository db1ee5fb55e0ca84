#pragma once

#include <stdexcept>
#include <string>

namespace sdlab::model {

/// A problem with a scenario file, located by JSON path and, where known, line and column.
class ScenarioError : public std::runtime_error {
public:
    ScenarioError(std::string path, const std::string& message, int line = 0, int column = 0)
        : std::runtime_error(message)
        , path_(std::move(path))
        , line_(line)
        , column_(column) {}
    const std::string& path() const { return path_; }
    int line() const { return line_; }
    int column() const { return column_; }
    void setLocation(int line, int column) {
        line_ = line;
        column_ = column;
    }
    /// "FILE:LINE:COL: PATH: message", leaving out the parts that are unknown.
    std::string describe(const std::string& fileName) const;

private:
    std::string path_;
    int line_;
    int column_;
};

} // namespace sdlab::model
