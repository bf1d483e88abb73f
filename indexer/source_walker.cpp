#include "indexer/source_walker.hpp"

#include "common/schema.hpp"
#include "common/text/utf8.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace gazette::indexer {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxFileBytes = 512u << 20;

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

void walk_directory(const fs::path& dir, std::set<fs::path>& visited, CollectedSources& out) {
    std::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (ec) {
        out.problems.push_back(
            {dir.string(), 0, "cannot open directory (" + ec.message() + ")", "skipped"});
        return;
    }
    if (!visited.insert(real).second) {
        out.problems.push_back(
            {dir.string(), 0, "directory already visited (a symbolic link loop?)", "skipped"});
        return;
    }
    fs::directory_iterator it(dir, ec);
    if (ec) {
        out.problems.push_back({dir.string(),
                                0,
                                "cannot read directory (" + ec.message() + ")",
                                "skipped; check its permissions"});
        return;
    }
    std::vector<fs::path> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            break;
        }
        entries.push_back(it->path());
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        if (is_hidden(entry)) {
            continue;
        }
        if (fs::is_directory(entry, ec)) {
            walk_directory(entry, visited, out);
        } else if (const Format format = format_of(entry.string()); format != Format::Unknown) {
            out.files.push_back({entry.string(), format});
        }
    }
}

}  // namespace

CollectedSources collect_sources(const std::vector<std::string>& paths) {
    CollectedSources out;
    std::set<fs::path> visited;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            out.problems.push_back({path, 0, "no such file or directory", "skipped"});
        } else if (fs::is_directory(status)) {
            walk_directory(path, visited, out);
        } else if (const Format format = format_of(path); format != Format::Unknown) {
            out.files.push_back({path, format});
        } else {
            out.problems.push_back(
                {path, 0, "unknown report format", "skipped; use .txt, .md, .jsonl or .html"});
        }
    }
    return out;
}

std::optional<std::string> decode_text(std::string bytes,
                                       std::string_view source,
                                       std::vector<InputProblem>& problems) {
    if (bytes.find('\0') != std::string::npos) {
        problems.push_back(
            {std::string(source),
             0,
             "binary file (NUL byte at offset " + std::to_string(bytes.find('\0')) + ")",
             "skipped"});
        return std::nullopt;
    }
    const auto bad = text::first_invalid_utf8(bytes);
    if (!bad) {
        return bytes;
    }
    // Text that is not UTF-8 is most often Windows-1252 (or Latin-1, its subset): bytes 0x80-0xFF
    // standing alone. Mostly-valid UTF-8 with a stray byte is repaired instead.
    std::size_t replaced = 0;
    const std::string repaired = text::repair_utf8(bytes, &replaced);
    const std::size_t high = static_cast<std::size_t>(std::count_if(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    if (replaced * 2 >= high) {
        problems.push_back({std::string(source),
                            0,
                            "not UTF-8 (first bad byte at offset " + std::to_string(*bad) + ")",
                            "read as Windows-1252; save it as UTF-8 to silence this"});
        return text::windows1252_to_utf8(bytes);
    }
    problems.push_back({std::string(source),
                        0,
                        "invalid UTF-8 at byte offset " + std::to_string(*bad),
                        "bad bytes replaced with U+FFFD"});
    return repaired;
}

ReadResult read_source(const SourceFile& file, const ReportDefaults& defaults) {
    ReadResult out;
    std::error_code ec;
    const auto size = fs::file_size(file.path, ec);
    if (ec) {
        out.problems.push_back({file.path, 0, "cannot read (" + ec.message() + ")", "skipped"});
        out.rejected = 1;
        return out;
    }
    if (size == 0) {
        out.problems.push_back({file.path, 0, "empty file", "skipped"});
        out.rejected = 1;
        return out;
    }
    if (size > kMaxFileBytes) {
        out.problems.push_back({file.path,
                                0,
                                "file of " + std::to_string(size >> 20) + " MB is too large",
                                "skipped; split it (the limit is 512 MB)"});
        out.rejected = 1;
        return out;
    }
    std::ifstream in(file.path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
        out.problems.push_back({file.path, 0, "cannot read (permission denied?)", "skipped"});
        out.rejected = 1;
        return out;
    }
    auto text = decode_text(std::move(buffer).str(), file.path, out.problems);
    if (!text) {
        out.rejected = 1;
        return out;
    }
    ReadResult read;
    switch (file.format) {
        case Format::Text:
            read = read_text(file.path, *text, defaults);
            break;
        case Format::Jsonl:
            read = read_jsonl(file.path, *text, defaults);
            break;
        case Format::Html:
            read = read_html(file.path, *text, defaults);
            break;
        case Format::Unknown:
            read.problems.push_back({file.path, 0, "unknown report format", "skipped"});
            read.rejected = 1;
            break;
    }
    out.reports = std::move(read.reports);
    out.rejected += read.rejected;
    out.problems.insert(out.problems.end(), read.problems.begin(), read.problems.end());
    return out;
}

}  // namespace gazette::indexer
