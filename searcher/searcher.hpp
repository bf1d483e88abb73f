/// @file
/// The search library: one request in (query string, filters, paging, sort, facets), one
/// response out (ranked hits with snippets, exact facet counts). gazette-search and
/// gazette-serve are thin layers over it.
#pragma once

#include "common/alias_table.hpp"
#include "common/database.hpp"
#include "common/error.hpp"
#include "common/report.hpp"
#include "searcher/explain.hpp"
#include "searcher/facet_counts_cache.hpp"
#include "searcher/facets.hpp"
#include "searcher/feedback.hpp"
#include "searcher/kept_facet_records.hpp"
#include "searcher/query_binder.hpp"
#include "searcher/rerank.hpp"
#include "searcher/snippet.hpp"
#include "searcher/synonyms.hpp"
#include "searcher/term_frequencies.hpp"

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
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

/// Ranking parameters, tuned on the Cranfield and CISI judgments (scripts/eval-ranking; the
/// figures are in BENCHMARKS.md). BM25's k1 and b are the usual 1.2 and 0.75, which did better
/// than Xapian's defaults (1.0, 0.5) on both collections.
struct RankingParams {
    double k1 = 1.2;
    double b = 0.75;
    FeedbackParams feedback;
};

struct SearchRequest {
    std::string query;
    std::vector<std::string> outlets;   ///< OR-ed outlet filters (--outlet, repeatable)
    std::vector<std::string> entities;  ///< AND-ed entity filters, any spelling (--entity)
    std::string from;                   ///< date spec: reports on or after its first day
    std::string to;                     ///< date spec: reports on or before its last day
    std::string mentions_from;  ///< date spec: reports mentioning a date on or after its first day
    std::string mentions_to;    ///< ... and on or before its last day (one mention both)
    SortOrder sort = SortOrder::Auto;
    int limit = 10;
    int offset = 0;
    bool facets = false;
    bool snippets = true;
    bool collapse = false;  ///< one result per story, the near-duplicates folded under it
    std::string similar;    ///< when set, the reports most like the report with this id
    bool explain = false;   ///< say for each result what matched and what it weighed
    bool feedback = true;   ///< re-rank questions (long queries) with their best matches' words
    bool suggest = true;    ///< "did you mean" when the query finds little
};

/// A report folded under a result: a near-duplicate of it (--collapse).
struct FoldedHit {
    std::string id;
    std::string title;
    std::string outlet;
    std::string date;  ///< ISO, or "" when undated
    std::string url;
};

struct Hit {
    int rank = 0;
    double score = 0;   ///< relevance relative to the best match, 0..1
    double weight = 0;  ///< the raw BM25 weight
    Report report;      ///< metadata and entities (body emptied to keep responses small)
    Snippet snippet;
    Snippet title;                      ///< the title with matching words marked
    std::string story;                  ///< the story key (the id of the story's first report)
    std::vector<FoldedHit> folded;      ///< with --collapse: near-duplicates folded under it
    Xapian::doccount folded_total = 0;  ///< how many were folded (folded lists at most 20)
    std::vector<ClauseWeight> explain;  ///< with --explain: what each query clause gave it
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
    std::string parsed;                       ///< the query tree, for --explain
    std::string xapian;                       ///< the Xapian query, for --explain
    std::string similar;                      ///< the id --similar was given, else ""
    std::vector<std::string> feedback_terms;  ///< terms feedback added to re-rank, if any
    std::string synonyms;                     ///< the synonyms file in use ("" when none)
    bool collapsed = false;                   ///< one result per story
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

    /// Counts every report's facet record into the kept records (keep_facet_records), so that
    /// the first broad searches find them numbered: gazette-serve does it once when it starts,
    /// as Elasticsearch builds eager global ordinals. Does nothing when nothing is kept.
    [[nodiscard]] Result<void> warm_facet_records();

    /// The facet records this searcher keeps: give them to the other searchers of the same
    /// database (share_facet_records), so that they are numbered and held once.
    [[nodiscard]] std::shared_ptr<KeptFacetRecords> facet_records() const { return kept_records_; }
    /// Keeps facet records in `kept` (another searcher's of the same database) from now on.
    /// @return false, keeping its own, when `kept` has another number of counting parts.
    bool share_facet_records(std::shared_ptr<KeptFacetRecords> kept);

    /// Moves to the database's latest committed revision, so that reports the indexer committed
    /// since the open (or the last refresh) are searched. Cheap when nothing changed.
    [[nodiscard]] Result<void> refresh();

    [[nodiscard]] Xapian::doccount doc_count() const { return database_.get_doccount(); }
    /// How many searches took their facets from the counts kept (keep_facet_records).
    [[nodiscard]] std::size_t facet_counts_reused() const { return facet_counts_.hits(); }

    RankingParams ranking;
    /// Keep what facet counting found between searches: the records counted
    /// (kept_facet_records.hpp, up to FacetRecordCache::budget_for() per core) and the counts
    /// of the last queries (facet_counts_cache.hpp). A searcher that answers many searches
    /// (gazette-serve's) counts facets faster from its second search on, and not at all for a
    /// query it counted lately; one that answers one (gazette-search) would only pay for keeping.
    bool keep_facet_records = false;
    /// The listed synonyms (gazette-search loads corpus/synonyms.tsv); spelling and compound
    /// variants need no table.
    SynonymTable synonyms;

  private:
    Searcher(std::string path, entities::AliasTable aliases)
        : path_(std::move(path)), aliases_(std::move(aliases)) {}

    /// The bound query of a request (the similar-report query for --similar).
    struct Plan {
        query::Node tree;
        BoundQuery bound;
        Xapian::Query query;  ///< with the request's filters
    };
    Result<Plan> plan(const SearchRequest& request, text::Analyzer& analyzer);
    Result<SearchResponse> run(const SearchRequest& request);
    /// A page of results, ranked.
    struct RankedPage {
        Xapian::MSet matches;  ///< what Xapian found (its total is the query's)
        std::vector<RankedMatch> page;
        std::vector<std::string> feedback_terms;  ///< words feedback re-ranked with, if any
    };
    /// Ranks the request's page of `enquire`'s query (`plan.query`), re-ranked with feedback
    /// when the request is a question ranked by relevance: then `plan.query` and `enquire` take
    /// the query with the feedback words.
    RankedPage rank_page(const SearchRequest& request, Plan& plan, Xapian::Enquire& enquire);
    /// The counting pass of the facets: every match of `query`, counted into `counts`.
    /// @return the exact number of matches.
    Xapian::doccount count_matches(const Xapian::Query& query, SlotCounts& counts);
    /// The facets of `query`'s matches and their exact number: kept ones when this searcher
    /// keeps them and counted `query` lately, else counted (count_matches) and then kept.
    FacetCountsCache::Counted count_facets(const Xapian::Query& query);
    /// @return counting part `part`, or database_ when there are no parts (part 0).
    const Xapian::Database& part_database(std::size_t part) const;
    /// Counts the matches of `query` in counting part `part` (part_database) into `counts`,
    /// with its kept records when this searcher keeps them; `before_finish` (if set) runs after
    /// the match, before the counts finish, and adds what it returns. @return how many matched.
    Xapian::doccount count_part(std::size_t part,
                                const Xapian::Query& query,
                                SlotCounts& counts,
                                const std::function<Xapian::doccount()>& before_finish = {});
    /// @return the kept records of counting part `part` (0 also for database_ when there are
    /// no parts), held until the lease ends; nullopt when this searcher keeps none.
    std::optional<KeptFacetRecords::Lease> lease_records(std::size_t part);
    /// Opens the database and its counting parts, as new: what was kept of others goes.
    Result<void> open_afresh();
    /// Reads the latest revision of the database and of the counting parts; opens them afresh
    /// when their table files were replaced (compacted).
    Result<void> reopen();
    Result<void> fill_hits(const SearchRequest& request,
                           const Plan& plan,
                           const Xapian::Enquire& enquire,
                           const std::vector<RankedMatch>& page,
                           SearchResponse& response);
    Xapian::Enquire make_enquire(const Xapian::Query& query,
                                 const SearchRequest& request,
                                 bool ranked);
    std::optional<std::string> suggestion(const SearchRequest& request,
                                          const Plan& plan,
                                          Xapian::doccount total);
    Result<std::optional<Report>> fetch(const std::string& id);

    Xapian::Database database_;
    std::string path_;
    /// The table files database_ was opened from: when they are replaced, it opens afresh.
    db::TableFiles tables_;
    entities::AliasTable aliases_;
    /// The local shards grouped into one database per core, to count facets on every core at
    /// once (empty: count on this thread). They move to each revision with database_.
    std::vector<Xapian::Database> counting_parts_;
    /// The facet records counted so far: one cache per counting part (one when there are no
    /// parts, for database_), perhaps shared with other searchers of the database.
    std::shared_ptr<KeptFacetRecords> kept_records_;
    /// Tells this searcher's revisions from other searchers' where Xapian gives none.
    std::uint64_t id_ = 0;
    /// By counting part (or database_): how many times it moved to a new revision.
    std::vector<std::uint64_t> reopens_;
    /// The facet counts of the last queries, in the revision database_ and the parts read.
    FacetCountsCache facet_counts_;
    /// Frequencies of the words feedback looked up, in the revision database_ reads.
    TermFrequencies term_frequencies_;
    /// Some shard is remote (a stub's "remote" line): feedback re-ranks on the servers.
    bool remote_ = false;
    /// Our own facet counter until a remote shard refuses it (slot_counts.hpp).
    SlotCounts::Counter facet_counter_ = SlotCounts::Counter::Own;
};

}  // namespace gazette::search
