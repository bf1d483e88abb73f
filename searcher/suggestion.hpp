/// @file
/// "Did you mean": the query with each word that no report contains replaced by the nearest
/// word of the spelling dictionary (built by the indexer from every title and body). Xapian 1.4
/// keeps no spelling data on remote shards, so over remote databases there is no suggestion.
#pragma once

#include "common/text/analyzer.hpp"
#include "searcher/query/ast.hpp"

#include <xapian.h>

#include <optional>
#include <string>

namespace gazette::search {

/// @return `query` with its unknown free-text words corrected ("Puls withdrawl" -> "Puls
/// withdrawal"), or nothing when no word is unknown or none has a correction. Filters, =exact
/// words and numbers are left as they are.
[[nodiscard]] std::optional<std::string> spelling_suggestion(const Xapian::Database& database,
                                                             const std::string& query,
                                                             const query::Node& tree,
                                                             text::Analyzer& analyzer);

}  // namespace gazette::search
