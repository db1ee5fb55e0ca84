#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace sdlab::model {

/// Where each value of a JSON text starts, by path ("components[3].workers"), so that errors
/// found after parsing can still name a line. Expects text that has already parsed cleanly.
class JsonLocator {
public:
    explicit JsonLocator(std::string_view text);
    /// (line, column) of the value at `path`, or of its nearest enclosing value; (0, 0) if none.
    std::pair<int, int> find(std::string path) const;

    /// Line and column (1-based) of a byte offset.
    static std::pair<int, int> lineColumn(std::string_view text, std::size_t offset);

private:
    void value(const std::string& path);
    void skipSpace();
    std::string string();

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    std::map<std::string, std::pair<int, int>> where_;
};

} // namespace sdlab::model
