#include "file_output.h"

#include <cstdio>
#include <stdexcept>

namespace sdlab::run {

namespace fs = std::filesystem;

namespace {
fs::path tempBeside(const fs::path& path) {
    std::string name = path.filename().string();
    name.insert(0, 1, '.');
    name.append(".partial");
    return path.parent_path() / name;
}

void fail(const fs::path& path, const char* what) {
    throw std::runtime_error("cannot " + std::string(what) + " '" + path.string() + "'");
}
} // namespace

void writeFileAtomically(const fs::path& path, const std::string& content) {
    const fs::path temp = tempBeside(path);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) fail(temp, "write");
        out << content;
        out.flush();
        if (!out) fail(temp, "write");
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) fail(path, "replace");
}

std::string csvValue(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

CsvFileSink::CsvFileSink(fs::path path)
    : path_(std::move(path))
    , temp_(tempBeside(path_))
    , out_(temp_, std::ios::binary | std::ios::trunc) {
    if (!out_) fail(temp_, "write");
}

CsvFileSink::~CsvFileSink() {
    if (!committed_) {
        out_.close();
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void CsvFileSink::begin(const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        out_ << (i ? "," : "") << columns[i];
    out_ << '\n';
}

void CsvFileSink::row(const std::vector<double>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
        out_ << (i ? "," : "") << csvValue(values[i]);
    out_ << '\n';
}

void CsvFileSink::commit() {
    out_.flush();
    if (!out_) fail(temp_, "write");
    out_.close();
    std::error_code ec;
    fs::rename(temp_, path_, ec);
    if (ec) fail(path_, "replace");
    committed_ = true;
}

} // namespace sdlab::run
