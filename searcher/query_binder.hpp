/// @file
/// Binds a query tree to the schema: words become stemmed terms through the same analyser the
/// indexer used, phrases exact positional terms, fields their prefixed terms or date ranges.
#pragma once

#include "common/error.hpp"
#include "common/text/analyzer.hpp"
#include "searcher/query/ast.hpp"

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

namespace gazette::search {

/// The words a snippet should mark: a body word matches when its stem is in `stems` or its
/// folded form is in `words`.
struct Highlight {
    std::set<std::string> stems;
    std::set<std::string> words;
    [[nodiscard]] bool empty() const { return stems.empty() && words.empty(); }
};

struct BoundQuery {
    Xapian::Query query;
    Highlight highlight;
    bool ranked = false;    ///< false when the query only filters (nothing to rank by)
    std::size_t words = 0;  ///< free-text words ranked, function words left out
};

class SynonymExpander;

/// @return how a field name combines in a query (for the parser).
[[nodiscard]] query::FieldRole field_role(std::string_view name);

/// Binds a parsed query; with `synonyms`, free-text words also match their synonyms.
/// @return ErrorCode::Query for a bad date or an unusable value.
[[nodiscard]] Result<BoundQuery> bind(const query::Node& root,
                                      text::Analyzer& analyzer,
                                      SynonymExpander* synonyms = nullptr);

/// @return a query on the date slot covering a date spec; ErrorCode::Query when it is not one.
[[nodiscard]] Result<Xapian::Query> date_range_query(std::string_view spec);

}  // namespace gazette::search
