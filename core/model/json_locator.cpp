#include "json_locator.h"

namespace sdlab::model {

JsonLocator::JsonLocator(std::string_view text)
    : text_(text) {
    skipSpace();
    if (pos_ < text_.size()) value("", 0);
}

std::pair<int, int> JsonLocator::lineColumn(std::string_view text, std::size_t offset) {
    int line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++line;
            start = i + 1;
        }
    return {line, int(offset - start) + 1};
}

std::pair<int, int> JsonLocator::find(std::string path) const {
    for (;;) {
        if (auto it = where_.find(path); it != where_.end()) return it->second;
        if (path.empty()) return {0, 0};
        const auto cut = path.find_last_of(".[");
        path.erase(cut == std::string::npos ? 0 : cut);
    }
}

void JsonLocator::skipSpace() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '\n') {
            ++line_;
            lineStart_ = pos_ + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        ++pos_;
    }
}

std::string JsonLocator::string() {
    std::string out;
    ++pos_; // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
        if (text_[pos_] == '\\')
            ++pos_; // keys with escapes keep the escaped character; good enough for paths
        out += text_[pos_++];
    }
    ++pos_; // closing quote
    return out;
}

void JsonLocator::skipNested() {
    int open = 0;
    do {
        const char c = text_[pos_];
        if (c == '"') {
            string();
            continue;
        }
        if (c == '{' || c == '[') {
            ++open;
        } else if (c == '}' || c == ']') {
            --open;
        } else if (c == '\n') {
            ++line_;
            lineStart_ = pos_ + 1;
        }
        ++pos_;
    } while (open > 0 && pos_ < text_.size());
}

void JsonLocator::value(const std::string& path, int depth) {
    where_[path] = {line_, int(pos_ - lineStart_) + 1};
    const char c = text_[pos_];
    if ((c == '{' || c == '[') && depth >= kMaxDepth) {
        if (!tooDeep_) tooDeep_ = path;
        skipNested();
        return;
    }
    if (c == '{' || c == '[') {
        const bool object = c == '{';
        ++pos_;
        for (int index = 0;; ++index) {
            skipSpace();
            if (pos_ >= text_.size()) return;
            if (text_[pos_] == '}' || text_[pos_] == ']') {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                skipSpace();
            }
            std::string child;
            if (object) {
                const std::string key = string();
                child = path.empty() ? key : path + "." + key;
                skipSpace();
                ++pos_; // ':'
                skipSpace();
            } else {
                child = path + "[" + std::to_string(index) + "]";
            }
            value(child, depth + 1);
        }
    }
    if (c == '"') {
        string();
        return;
    }
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
           text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
        ++pos_;
}

} // namespace sdlab::model
