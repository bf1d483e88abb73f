/// @file
/// The query parameters of gazette-serve's /api/search and /api/export.csv, turned into a
/// SearchRequest with the meaning of gazette-search's flags. Anything unknown, repeated where it
/// may not be, or malformed is a usage error that names the parameter.
#pragma once

#include "common/error.hpp"
#include "searcher/searcher.hpp"

#include <map>
#include <string>

namespace gazette::serve {

/// Parameters as the HTTP library decodes them: names may repeat (outlet=A&outlet=B).
using Params = std::multimap<std::string, std::string>;

/// The parameter names a search accepts: q, outlet, entity, from, to, mentions_from, mentions_to,
/// sort, limit, offset, facets, collapse, similar.
inline constexpr std::string_view kSearchParams =
    "q, outlet, entity, from, to, mentions_from, mentions_to, sort, limit, offset, facets, "
    "collapse, similar";

/// @return the request; `default_limit` when no limit is given. ErrorCode::Usage for a bad
/// parameter, and when offset + limit passes schema::kMaxResultWindow.
[[nodiscard]] Result<search::SearchRequest> parse_search_params(const Params& params,
                                                                int default_limit);

}  // namespace gazette::serve
