#include "indexer/readers/reader.hpp"

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

}  // namespace gazette::indexer
