#include "searcher/csv_export.hpp"

namespace gazette::search {
namespace {

bool looks_like_formula(std::string_view value) {
    return !value.empty() &&
           std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

}  // namespace

std::string csv_field(std::string_view value) {
    std::string text = looks_like_formula(value) ? "'" : "";
    text += value;
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    quoted += '"';
    return quoted;
}

std::string to_csv(const SearchResponse& response) {
    std::string out(kCsvHeader);
    out += "\r\n";
    for (const auto& hit : response.hits) {
        const Report& r = hit.report;
        const std::string fields[] = {
            r.id, r.outlet, r.date ? r.date->iso() : "", r.title, r.url, hit.snippet.plain()};
        bool first = true;
        for (const auto& field : fields) {
            if (!first) {
                out += ',';
            }
            out += csv_field(field);
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace gazette::search
