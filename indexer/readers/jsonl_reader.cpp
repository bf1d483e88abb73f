// JSON Lines feeds: one report a line.
#include "indexer/readers/metadata.hpp"
#include "indexer/readers/reader.hpp"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cstdio>

namespace gazette::indexer {
namespace {

using nlohmann::json;

/// A field as text: strings as they are, numbers printed, arrays of strings joined.
std::string as_text(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number_integer()) {
        return std::to_string(value.get<long long>());
    }
    if (value.is_array()) {
        std::string joined;
        for (const auto& item : value) {
            if (item.is_string()) {
                joined += joined.empty() ? "" : ", ";
                joined += item.get<std::string>();
            } else if (item.is_object() && item.contains("name") && item["name"].is_string()) {
                joined += joined.empty() ? "" : ", ";
                joined += item["name"].get<std::string>();
            }
        }
        return joined;
    }
    if (value.is_object() && value.contains("name")) {
        return as_text(value["name"]);
    }
    return {};
}

template <std::size_t N>
std::string first_of(const json& object, const std::array<std::string_view, N>& keys) {
    for (const auto key : keys) {
        if (auto it = object.find(std::string(key)); it != object.end()) {
            if (std::string text = as_text(*it); !text.empty()) {
                return text;
            }
        }
    }
    return {};
}

/// A stable id for a line that has none: from its url, else from its text.
std::string derived_id(const Report& report) {
    const std::string& basis =
        report.url.empty() ? report.title + '\x1f' + report.body : report.url;
    char buf[24];
    std::snprintf(buf,
                  sizeof buf,
                  "%c%016llx",
                  report.url.empty() ? 'h' : 'u',
                  static_cast<unsigned long long>(XXH3_64bits(basis.data(), basis.size())));
    return buf;
}

}  // namespace

ReadResult read_jsonl(std::string_view source,
                      std::string_view content,
                      const ReportDefaults& defaults,
                      std::size_t first_line) {
    ReadResult out;
    std::size_t line_no = first_line - 1;
    std::size_t pos = 0;
    while (pos < content.size()) {
        const std::size_t end = content.find('\n', pos);
        std::string_view line =
            content.substr(pos, end == std::string_view::npos ? content.npos : end - pos);
        pos = end == std::string_view::npos ? content.size() : end + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue;
        }
        const json object = json::parse(line, nullptr, false);
        if (object.is_discarded() || !object.is_object()) {
            out.problems.push_back({std::string(source),
                                    line_no,
                                    "not a JSON object",
                                    "line skipped; each line must be one {...} report"});
            ++out.rejected;
            continue;
        }
        Report report;
        report.language.clear();
        report.body = first_of(object, kBodyKeys);
        if (report.body.find_first_not_of(" \t\r\n") == std::string::npos) {
            out.problems.push_back({std::string(source),
                                    line_no,
                                    "no report text",
                                    "line skipped; give the text in 'body', 'text' or 'content'"});
            ++out.rejected;
            continue;
        }
        report.id = first_of(object, kIdKeys);
        report.title = first_of(object, kTitleKeys);
        report.outlet = first_of(object, kOutletKeys);
        report.author = first_of(object, kAuthorKeys);
        report.url = first_of(object, kUrlKeys);
        report.language = first_of(object, kLanguageKeys);
        if (report.id.empty()) {
            report.id = derived_id(report);
        }
        if (auto problem = apply_date_field(report, first_of(object, kDateKeys), source, line_no)) {
            out.problems.push_back(std::move(*problem));
        }
        report.source = std::string(source) + ":" + std::to_string(line_no);
        apply_defaults(report, defaults);
        out.reports.push_back(std::move(report));
    }
    return out;
}

}  // namespace gazette::indexer
