/// @file
/// Stories: near-duplicate reports share a story key (the indexer's story_keys), so a search can
/// show one report per story (Enquire's collapse key) and say what it folded away.
#pragma once

#include "common/error.hpp"
#include "common/report.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::search {

/// The reports folded under a shown one.
struct FoldedReports {
    std::vector<Report> reports;  ///< metadata only (bodies emptied), best first, at most `limit`
    Xapian::doccount total = 0;   ///< how many matches were folded in all
};

/// @return the other matches of `query` in the story `key`, the shown report `shown_id` excluded.
[[nodiscard]] Result<FoldedReports> folded_reports(const Xapian::Database& database,
                                                   const Xapian::Query& query,
                                                   const std::string& key,
                                                   const std::string& shown_id,
                                                   Xapian::doccount limit);

}  // namespace gazette::search
