/// @file
/// Field names that mean the same thing across front matter and JSONL feeds ("source" is the
/// outlet in the AllSides corpus, "content_original" its body), and the one place that turns a
/// date field into a publication date or a problem.
#pragma once

#include "common/report.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace gazette::indexer {

inline constexpr std::array<std::string_view, 3> kIdKeys{"id", "ID", "_id"};
inline constexpr std::array<std::string_view, 3> kTitleKeys{"title", "headline", "name"};
inline constexpr std::array<std::string_view, 4> kOutletKeys{
    "outlet", "source", "publisher", "site"};
inline constexpr std::array<std::string_view, 4> kDateKeys{
    "date", "published", "datePublished", "pubdate"};
inline constexpr std::array<std::string_view, 3> kAuthorKeys{"author", "authors", "byline"};
inline constexpr std::array<std::string_view, 2> kUrlKeys{"url", "link"};
inline constexpr std::array<std::string_view, 2> kLanguageKeys{"language", "lang"};
inline constexpr std::array<std::string_view, 4> kBodyKeys{
    "body", "text", "content", "content_original"};

/// Sets report.date from a date field's text. An empty text leaves the report undated quietly;
/// a text that is not a plausible publication date leaves it undated with a problem line.
/// @return the problem, if any.
[[nodiscard]] std::optional<InputProblem> apply_date_field(Report& report,
                                                           std::string_view text,
                                                           std::string_view source,
                                                           std::size_t line);

}  // namespace gazette::indexer
