#include "indexer/readers/metadata.hpp"

namespace gazette::indexer {

std::optional<InputProblem> apply_date_field(Report& report,
                                             std::string_view text,
                                             std::string_view source,
                                             std::size_t line) {
    if (text.find_first_not_of(" \t") == std::string_view::npos) {
        return std::nullopt;
    }
    const auto date = parse_date(text);
    if (date && is_plausible_publication_date(*date)) {
        report.date = date;
        return std::nullopt;
    }
    const std::string label = report.id.empty() ? std::string() : " of report " + report.id;
    return InputProblem{
        std::string(source),
        line,
        "date '" + std::string(text) + "'" + label + " is not a valid publication date",
        "indexed as undated"};
}

}  // namespace gazette::indexer
