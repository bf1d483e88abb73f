/// @file
/// More like this: the reports most like a given one, found with Xapian's relevance feedback (an
/// RSet of that one report and Enquire::get_eset), as Omega's MORELIKE does.
#pragma once

#include "common/error.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::search {

/// The query for the reports like one report.
struct SimilarQuery {
    Xapian::Query query;             ///< its most telling terms, weighted; the report excluded
    std::vector<std::string> stems;  ///< the stems of those terms, for snippets
};

/// @return the query for reports like report `id`, or ErrorCode::Query when there is none.
[[nodiscard]] Result<SimilarQuery> similar_query(const Xapian::Database& database,
                                                 const std::string& id);

}  // namespace gazette::search
