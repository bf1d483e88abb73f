/// @file
/// Rendering a search response: JSON (the contract of DESIGN.md) and text for people.
#pragma once

#include "searcher/searcher.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace gazette::search {

/// @return the response as DESIGN.md's JSON object (snippets as escaped HTML with <mark>).
[[nodiscard]] nlohmann::ordered_json to_json(const SearchResponse& response);

/// @return a whole report as JSON: its metadata, entities and body (plain text, not escaped).
[[nodiscard]] nlohmann::ordered_json report_to_json(const Report& report);

/// @return the response as text: a line per result with rank, title, outlet and date, then its
/// snippet; matches in bold when `color` is on; facets after when they were asked for.
[[nodiscard]] std::string to_text(const SearchResponse& response, bool color);

/// @return the explanation of a response: the query as typed, as parsed, and as Xapian runs it,
/// then for each result what each clause of the query gave it and which of its terms matched.
[[nodiscard]] std::string explain_text(const SearchResponse& response);

/// @return the query part of the explanation as JSON (each result's part is in its "explain").
[[nodiscard]] nlohmann::ordered_json explain_json(const SearchResponse& response);

}  // namespace gazette::search
