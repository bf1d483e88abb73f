#include "indexer/readers/reader.hpp"

#include "common/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace gazette::indexer {

Format format_of(std::string_view file_name) {
    std::string ext = std::filesystem::path(file_name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".text") {
        return Format::Text;
    }
    if (ext == ".jsonl" || ext == ".ndjson") {
        return Format::Jsonl;
    }
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") {
        return Format::Html;
    }
    return Format::Unknown;
}

std::string id_from_file_name(std::string_view source) {
    return std::filesystem::path(source).stem().string();
}

void apply_defaults(Report& report, const ReportDefaults& defaults) {
    if (report.outlet.empty()) {
        report.outlet = defaults.outlet;
    }
    if (report.author.empty()) {
        report.author = defaults.author;
    }
    if (!report.date) {
        report.date = defaults.date;
    }
    if (!defaults.language.empty() && report.language.empty()) {
        report.language = defaults.language;
    }
    if (report.language.empty()) {
        report.language = "en";
    }
}

std::optional<InputProblem> limit_body(Report& report, std::string_view source, std::size_t line) {
    const std::size_t size = report.body.size();
    if (size <= schema::kMaxBodyBytes) {
        return std::nullopt;
    }
    // Cut at a paragraph break when one is near the limit, else before a UTF-8 lead byte.
    std::size_t cut = report.body.rfind('\n', schema::kMaxBodyBytes);
    if (cut == std::string::npos || cut < schema::kMaxBodyBytes / 2) {
        cut = schema::kMaxBodyBytes;
        while (cut > 0 && (static_cast<unsigned char>(report.body[cut]) & 0xC0) == 0x80) {
            --cut;
        }
    }
    report.body.resize(cut);
    const auto mb = [](std::size_t bytes) {
        return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1u << 20));
    };
    return InputProblem{std::string(source),
                        line,
                        "report text of " + mb(size) + " is longer than the " +
                            mb(schema::kMaxBodyBytes) + " limit",
                        "indexed its first " + mb(cut)};
}

}  // namespace gazette::indexer
