/// @file
/// The search library: one request in (query string, filters, paging, sort, facets), one
/// response out (ranked hits with snippets, exact facet counts). gazette-search and
/// gazette-serve are thin layers over it.
#pragma once

#include "common/alias_table.hpp"
#include "common/error.hpp"
#include "common/report.hpp"
#include "searcher/facets.hpp"
#include "searcher/query_binder.hpp"
#include "searcher/snippet.hpp"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

enum class SortOrder {
    Auto,       ///< relevance, or date when the query has nothing to rank by (filters only)
    Relevance,  ///< best first; ties newest first
    Date,       ///< newest first; ties by relevance
};

/// @return the sort order named "relevance" or "date" ("" is Auto); nullopt for anything else.
[[nodiscard]] std::optional<SortOrder> sort_order_from(std::string_view name);

/// BM25 parameters (Xapian's defaults; tuned on judged collections by scripts/eval-ranking).
struct RankingParams {
    double k1 = 1.0;
    double b = 0.5;
};

struct SearchRequest {
    std::string query;
    std::vector<std::string> outlets;   ///< OR-ed outlet filters (--outlet, repeatable)
    std::vector<std::string> entities;  ///< AND-ed entity filters, any spelling (--entity)
    std::string from;                   ///< date spec: reports on or after its first day
    std::string to;                     ///< date spec: reports on or before its last day
    SortOrder sort = SortOrder::Auto;
    int limit = 10;
    int offset = 0;
    bool facets = false;
    bool snippets = true;
};

struct Hit {
    int rank = 0;
    double score = 0;   ///< relevance relative to the best match, 0..1
    double weight = 0;  ///< the raw BM25 weight
    Report report;      ///< metadata and entities (body emptied to keep responses small)
    Snippet snippet;
    Snippet title;  ///< the title with matching words marked
};

struct SearchResponse {
    std::string query;
    Xapian::doccount total = 0;  ///< matches in all
    bool total_exact = false;    ///< false when `total` is Xapian's estimate
    int offset = 0;
    int limit = 0;
    std::vector<Hit> hits;
    std::optional<Facets> facets;
    std::optional<std::string> suggestion;
    std::string parsed;  ///< the query tree, for --explain
    std::string xapian;  ///< the Xapian query, for --explain
};

class Searcher {
  public:
    /// Opens the database (a directory or a stub of shards) for searching, with the entity
    /// gazetteer at `gazetteer_path` (empty: the default one, see entities::load_gazetteer).
    [[nodiscard]] static Result<Searcher> open(const std::string& path,
                                               const std::string& gazetteer_path = "");

    /// Runs a search. @return ErrorCode::Query or Usage for a bad request, a database error
    /// when the database fails.
    [[nodiscard]] Result<SearchResponse> search(const SearchRequest& request);

    /// Fetches one whole report (body included) by its id.
    /// @return nullopt when no report has that id; a database error when the database fails.
    [[nodiscard]] Result<std::optional<Report>> find_report(const std::string& id);

    /// Moves to the database's latest committed revision, so that reports the indexer committed
    /// since the open (or the last refresh) are searched. Cheap when nothing changed.
    [[nodiscard]] Result<void> refresh();

    [[nodiscard]] Xapian::doccount doc_count() const { return database_.get_doccount(); }

    RankingParams ranking;

  private:
    Searcher(Xapian::Database database, std::string path, entities::AliasTable aliases)
        : database_(std::move(database)), path_(std::move(path)), aliases_(std::move(aliases)) {}

    Result<SearchResponse> run(const SearchRequest& request);
    Result<std::optional<Report>> fetch(const std::string& id);

    Xapian::Database database_;
    std::string path_;
    entities::AliasTable aliases_;
};

}  // namespace gazette::search
