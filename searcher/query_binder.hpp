/// @file
/// Binds a query tree to the schema: words become stemmed terms through the same analyser the
/// indexer used, phrases exact positional terms, fields their prefixed terms or date ranges.
#pragma once

#include "common/alias_table.hpp"
#include "common/dates.hpp"
#include "common/error.hpp"
#include "common/text/analyzer.hpp"
#include "searcher/query/ast.hpp"

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace gazette::search {

/// The words a snippet should mark: a body word matches when its stem is in `stems` or its
/// folded form is in `words`.
struct Highlight {
    std::set<std::string> stems;
    std::set<std::string> words;
    /// Marked only as written here, case and all: short names ("US"), which in lower case are
    /// other words ("us").
    std::set<std::string> written;
    [[nodiscard]] bool empty() const { return stems.empty() && words.empty() && written.empty(); }
};

struct BoundQuery {
    Xapian::Query query;
    Highlight highlight;
    bool ranked = false;    ///< false when the query only filters (nothing to rank by)
    std::size_t words = 0;  ///< free-text words ranked, function words left out
};

class SynonymExpander;

/// The years mentioned dates are filed under: an open mentions: range ("mentions:2025-01..")
/// searches only these rather than every year the schema allows.
struct YearRange {
    int first = 0;
    int last = 0;
};
using MentionYears = std::function<YearRange()>;

/// @return how a field name combines in a query (for the parser).
[[nodiscard]] query::FieldRole field_role(std::string_view name);

/// Binds a parsed query. `aliases` (the entity gazetteer, may be null) resolves entity filters
/// and widens names in free text to their other spellings; `mention_years` is asked (once, only
/// for open mentions: ranges) which years the database's mentions cover, else the schema's
/// bounds are used; with `synonyms`, free-text words also match their synonyms.
/// @return ErrorCode::Query for a bad date or an unusable value.
[[nodiscard]] Result<BoundQuery> bind(const query::Node& root,
                                      text::Analyzer& analyzer,
                                      const entities::AliasTable* aliases = nullptr,
                                      const MentionYears& mention_years = {},
                                      SynonymExpander* synonyms = nullptr);

/// @return a query on the date slot covering a date spec; ErrorCode::Query when it is not one.
[[nodiscard]] Result<Xapian::Query> date_range_query(std::string_view spec);

/// @return a query for reports that mention a date in `span` (common/mentioned_dates.hpp says
/// which mentions count), open ends bounded by `years`.
[[nodiscard]] Xapian::Query mentioned_span_query(const DateSpan& span, const YearRange& years);

}  // namespace gazette::search
