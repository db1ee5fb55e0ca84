#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sdlab::model {

/// Where each value of a JSON text starts, by path ("components[3].workers"), so that errors
/// found after parsing can still name a line. Expects text that has already parsed cleanly.
class JsonLocator {
public:
    /// Arrays and objects nested deeper than this are skipped, not indexed: the walk recurses,
    /// and a file of a million '[' must not overflow the stack.
    static constexpr int kMaxDepth = 64;

    explicit JsonLocator(std::string_view text);
    /// (line, column) of the value at `path`, or of its nearest enclosing value; (0, 0) if none.
    std::pair<int, int> find(std::string path) const;

    /// Path of the first array or object nested more than kMaxDepth levels deep, if any.
    const std::optional<std::string>& tooDeep() const { return tooDeep_; }

    /// Line and column (1-based) of a byte offset.
    static std::pair<int, int> lineColumn(std::string_view text, std::size_t offset);

private:
    void value(const std::string& path, int depth);
    void skipNested();
    void skipSpace();
    std::string string();

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    std::map<std::string, std::pair<int, int>> where_;
    std::optional<std::string> tooDeep_;
};

} // namespace sdlab::model
