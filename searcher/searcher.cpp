#include "searcher/searcher.hpp"

#include "common/database.hpp"
#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "searcher/entity_facets.hpp"
#include "searcher/entity_spellings.hpp"
#include "searcher/query/query_parser.hpp"
#include "searcher/similar.hpp"
#include "searcher/stories.hpp"
#include "searcher/suggestion.hpp"
#include "searcher/tie_order.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <future>
#include <thread>

namespace gazette::search {
namespace {

/// How long a search keeps trying while the indexer commits under it: a search longer than two
/// commits loses its revision (Xapian reuses the blocks), so against a writer committing small
/// batches fast a slow search (a sanitizer build, a busy machine) may need many attempts; it
/// gets through at the latest when the writer pauses. Time, not a count, bounds it.
constexpr std::chrono::seconds kRetryFor{30};
/// Matches Xapian looks at even without facets, so that small totals are exact, not estimates.
constexpr Xapian::doccount kCheckAtLeast = 200;
/// BM25's floor on a report's length relative to the average (Xapian's default).
constexpr double kMinNormLength = 0.5;
/// A query finding fewer reports than this "finds little" and may get a spelling suggestion.
constexpr Xapian::doccount kFewMatches = 10;
/// Near-duplicates listed under a collapsed result (the count says how many there are in all).
constexpr Xapian::doccount kMaxFolded = 20;

/// Whether a search's matches come newest first: asked for, or a query of filters alone.
bool sorted_by_date(const SearchRequest& request, bool ranked) {
    return request.sort == SortOrder::Date || (request.sort == SortOrder::Auto && !ranked);
}

/// Has Xapian rank by relevance, equal weights newest first: where the searcher cannot order
/// them itself (tie_order.hpp), as Xapian reads every weighed match's date for it.
void relevance_then_newest(Xapian::Enquire& enquire) {
    enquire.set_sort_by_relevance_then_value(schema::slot(schema::Slot::Date), true);
}

constexpr std::string_view kDateHint =
    "use YYYY, YYYY-MM or YYYY-MM-DD, today, yesterday, 7d, 4w, 6m, 1y, this-week, last-week, "
    "this-month, last-month, this-year or last-year";

Result<CalendarDate> date_flag(std::string_view flag, const std::string& spec, bool as_from) {
    auto date = as_from ? parse_date_from(spec) : parse_date_to(spec);
    if (!date) {
        return fail(ErrorCode::Query,
                    std::string(flag) + " '" + spec + "' is not a date",
                    std::string(kDateHint));
    }
    return date;
}

/// The years the database's mentioned dates are filed under (its mentioned-year terms).
YearRange mention_years(const Xapian::Database& database) {
    YearRange years{schema::kMaxMentionYear, schema::kMinMentionYear};
    const std::string prefix(schema::prefix::kMentionYear);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        const int year = std::atoi((*it).c_str() + prefix.size());
        years.first = std::min(years.first, year);
        years.last = std::max(years.last, year);
    }
    return years;
}

Result<Xapian::Query> filters_of(const SearchRequest& request,
                                 const entities::AliasTable& aliases,
                                 const Xapian::Database& database) {
    std::vector<Xapian::Query> filters;
    for (const auto& entity : request.entities) {
        const std::string key = entity_filter_key(entity, &aliases);
        if (key.empty()) {
            return fail(
                ErrorCode::Usage, "--entity '" + entity + "' is not a name", "e.g. --entity Kursk");
        }
        filters.emplace_back(schema::entity_term(schema::prefix::kEntity, key));
    }
    if (!request.outlets.empty()) {
        std::vector<Xapian::Query> outlets;
        for (const auto& outlet : request.outlets) {
            outlets.emplace_back(schema::boolean_term("outlet", outlet));
        }
        filters.emplace_back(Xapian::Query::OP_OR, outlets.begin(), outlets.end());
    }
    const auto date_slot = schema::slot(schema::Slot::Date);
    if (!request.from.empty()) {
        auto from = date_flag("--from", request.from, true);
        if (!from) {
            return tl::unexpected(from.error());
        }
        filters.emplace_back(Xapian::Query::OP_VALUE_GE, date_slot, from->compact());
    }
    if (!request.to.empty()) {
        auto to = date_flag("--to", request.to, false);
        if (!to) {
            return tl::unexpected(to.error());
        }
        filters.emplace_back(Xapian::Query::OP_VALUE_LE, date_slot, to->compact());
    }
    if (!request.mentions_from.empty() || !request.mentions_to.empty()) {
        // One span, so that a single mention must lie within both bounds.
        DateSpan span;
        if (!request.mentions_from.empty()) {
            auto from = date_flag("--mentions-from", request.mentions_from, true);
            if (!from) {
                return tl::unexpected(from.error());
            }
            span.first = *from;
        }
        if (!request.mentions_to.empty()) {
            auto to = date_flag("--mentions-to", request.mentions_to, false);
            if (!to) {
                return tl::unexpected(to.error());
            }
            span.last = *to;
        }
        YearRange years = mention_years(database);
        if (span.first && span.last) {
            years = {span.first->year, span.last->year};
        }
        filters.push_back(mentioned_span_query(span, years));
    }
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

/// Runs `body`; when the indexer committed while it read, reads the new revision (`reopen`) and
/// tries again. Reopening can itself meet a revision the indexer has already discarded (it commits
/// every batch), so it is retried the same way. With `reopen_first`, reopens before the first try.
template <class Reopen, class Body>
auto with_retries(const std::string& path,
                  const Reopen& reopen,
                  const Body& body,
                  bool reopen_first = false) -> decltype(body()) {
    const auto give_up = std::chrono::steady_clock::now() + kRetryFor;
    bool stale = reopen_first;
    for (;;) {
        try {
            if (stale) {
                if (auto reopened = reopen(); !reopened) {
                    return tl::unexpected(reopened.error());
                }
            }
            return body();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (std::chrono::steady_clock::now() >= give_up) {
                return tl::unexpected(db::translate(e, path));
            }
            stale = true;
        } catch (const Xapian::Error& e) {
            return tl::unexpected(db::translate(e, path));
        }
    }
}

/// Counts every match of `query` in `database` into `counts`; `before_finish` (if set) runs
/// between the match and finishing the counts, and what it returns adds to the total.
/// @return how many matched.
Xapian::doccount count_in(const Xapian::Database& database,
                          const Xapian::Query& query,
                          SlotCounts& counts,
                          FacetRecordCache* cache = nullptr,
                          const std::function<Xapian::doccount()>& before_finish = {}) {
    // Counting needs every match but no weights and no order: the cheapest pass Xapian has.
    Xapian::Enquire counter(database);
    counter.set_query(query);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::DONT_CARE);
    counts.attach(counter, database, cache);
    Xapian::doccount total =
        counter.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
    if (before_finish) {
        total += before_finish();
    }
    counts.finish();
    return total;
}

/// @return the local shards of the database at `path` grouped into one database per core, to
/// count facets on every core at once; empty when there is one shard or one core, a shard is
/// remote, or a shard does not open (then the counting stays on one thread).
std::vector<Xapian::Database> counting_parts(const std::string& path) {
    const std::vector<std::string> shards = db::local_shards(path);
    const std::size_t parts =
        std::min<std::size_t>(shards.size(), std::thread::hardware_concurrency());
    if (parts < 2) {
        return {};
    }
    std::vector<Xapian::Database> out(parts);
    try {
        for (std::size_t k = 0; k < shards.size(); ++k) {
            out[k % parts].add_database(Xapian::Database(shards[k]));
        }
    } catch (const Xapian::Error&) {
        return {};
    }
    return out;
}

}  // namespace

std::optional<SortOrder> sort_order_from(std::string_view name) {
    if (name.empty()) {
        return SortOrder::Auto;
    }
    if (name == "relevance") {
        return SortOrder::Relevance;
    }
    if (name == "date") {
        return SortOrder::Date;
    }
    return std::nullopt;
}

Result<Searcher> Searcher::open(const std::string& path, const std::string& gazetteer_path) {
    auto aliases = entities::load_gazetteer(gazetteer_path);
    if (!aliases) {
        return tl::unexpected(aliases.error());
    }
    Searcher searcher(path, std::move(*aliases));
    if (auto opened = searcher.open_afresh(); !opened) {
        return tl::unexpected(opened.error());
    }
    static std::atomic<std::uint64_t> opened{0};
    searcher.id_ = ++opened;
    return searcher;
}

Result<void> Searcher::open_afresh() {
    // Taken before opening: a replacement made meanwhile is noticed at the next reopen.
    db::TableFiles tables = db::table_files(path_);
    auto database = db::open_for_reading(path_);
    if (!database) {
        return tl::unexpected(database.error());
    }
    database_ = std::move(*database);
    tables_ = std::move(tables);
    counting_parts_ = counting_parts(path_);
    remote_ = db::has_remote_shards(path_);
    const std::size_t parts = std::max<std::size_t>(1, counting_parts_.size());
    if (!kept_records_ || kept_records_->parts() != parts) {
        kept_records_ = std::make_shared<KeptFacetRecords>(parts);
        reopens_.assign(parts, 0);
    }
    for (auto& reopens : reopens_) {
        ++reopens;  // the kept records of the old files go at the next lease
    }
    term_frequencies_.forget();
    facet_counts_.forget();
    return {};
}

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
    return with_retries(
        path_, [this] { return reopen(); }, [&] { return run(request); });
}

Result<std::optional<Report>> Searcher::find_report(const std::string& id) {
    return with_retries(
        path_, [this] { return reopen(); }, [&] { return fetch(id); });
}

Result<void> Searcher::reopen() {
    const db::TableFiles tables = db::table_files(path_);
    if (tables.inodes != tables_.inodes) {
        // Compacted: Xapian's reopen() would read the new revision through the old files. While
        // the new files come in, the old ones (still open) keep their revision whole.
        return tables.being_replaced ? Result<void>{} : open_afresh();
    }
    // What was kept of the old revision goes: a report re-indexed keeps its document id.
    if (database_.reopen()) {
        term_frequencies_.forget();
        facet_counts_.forget();
        if (counting_parts_.empty()) {
            ++reopens_.front();  // the kept records of the old revision go at the next lease
        }
    }
    for (std::size_t k = 0; k < counting_parts_.size(); ++k) {
        if (counting_parts_[k].reopen()) {
            ++reopens_[k];
            facet_counts_.forget();
        }
    }
    return {};
}

Result<void> Searcher::warm_facet_records() {
    return with_retries(
        path_,
        [this] { return reopen(); },
        [this]() -> Result<void> {
            if (keep_facet_records) {
                (void)count_facets(Xapian::Query::MatchAll);
            }
            return {};
        });
}

bool Searcher::share_facet_records(std::shared_ptr<KeptFacetRecords> kept) {
    if (!kept || kept->parts() != kept_records_->parts()) {
        return false;
    }
    kept_records_ = std::move(kept);
    return true;
}

Result<void> Searcher::refresh() {
    return with_retries(
        path_,
        [this] { return reopen(); },
        []() -> Result<void> { return {}; },
        /*reopen_first=*/true);
}

Result<std::optional<Report>> Searcher::fetch(const std::string& id) {
    const std::string term = schema::boolean_term("id", id);
    const auto postings = database_.postlist_begin(term);
    if (postings == database_.postlist_end(term)) {
        return std::optional<Report>();
    }
    auto report = load_report(database_.get_document(*postings), WithBody::Yes);
    if (!report) {
        return tl::unexpected(report.error());
    }
    return std::optional<Report>(std::move(*report));
}

Result<Searcher::Plan> Searcher::plan(const SearchRequest& request, text::Analyzer& analyzer) {
    auto tree = query::parse(request.query, field_role);
    if (!tree) {
        return tl::unexpected(tree.error());
    }
    SynonymExpander expander(synonyms, database_, analyzer);
    auto bound = bind(
        *tree, analyzer, &aliases_, [this] { return mention_years(database_); }, &expander);
    if (!bound) {
        return tl::unexpected(bound.error());
    }
    Plan plan{std::move(*tree), std::move(*bound), {}};
    if (!request.similar.empty()) {
        auto similar = similar_query(database_, request.similar);
        if (!similar) {
            return tl::unexpected(similar.error());
        }
        // Words or filters given with --similar narrow the similar reports down.
        Xapian::Query query = similar->query;
        if (plan.tree.kind != query::NodeKind::All) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, plan.bound.query);
        }
        plan.bound.query = query;
        plan.bound.ranked = true;
        plan.bound.words = 0;
        plan.bound.highlight.stems.insert(similar->stems.begin(), similar->stems.end());
    }
    auto filters = filters_of(request, aliases_, database_);
    if (!filters) {
        return tl::unexpected(filters.error());
    }
    plan.query = plan.bound.query;
    if (!filters->empty()) {
        plan.query = Xapian::Query(Xapian::Query::OP_FILTER, plan.query, *filters);
    }
    return plan;
}

Xapian::Enquire Searcher::make_enquire(const Xapian::Query& query,
                                       const SearchRequest& request,
                                       bool ranked) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, kMinNormLength));
    if (sorted_by_date(request, ranked)) {
        enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true);
    } else if (request.collapse) {
        // Xapian's order decides which copy of a story stands for it: the newest of the best.
        relevance_then_newest(enquire);
    }
    // Otherwise by relevance alone: rank_page puts equal weights newest first (tie_order.hpp).
    if (request.collapse) {
        enquire.set_collapse_key(schema::slot(schema::Slot::StoryKey));
    }
    return enquire;
}

Result<SearchResponse> Searcher::run(const SearchRequest& request) {
    if (request.query.size() > schema::kMaxQueryBytes) {
        return fail(ErrorCode::Usage,
                    "the query is longer than " + std::to_string(schema::kMaxQueryBytes) + " bytes",
                    "shorten it");
    }
    if (request.limit < 0 || request.limit > schema::kMaxLimit || request.offset < 0) {
        return fail(
            ErrorCode::Usage,
            "--limit must be 0 to " + std::to_string(schema::kMaxLimit) + " and --offset 0 or more",
            "page through results with --offset");
    }
    text::Analyzer& analyzer = text::thread_analyzer();
    auto planned = plan(request, analyzer);
    if (!planned) {
        return tl::unexpected(planned.error());
    }
    Plan& plan = *planned;
    // The matches, before feedback re-ranks them (it never changes which reports match).
    const Xapian::Query match_query = plan.query;

    SearchResponse response;
    Xapian::Enquire enquire = make_enquire(plan.query, request, plan.bound.ranked);
    // Facets are counted in a pass of their own that looks at every match and returns no
    // documents: Xapian 1.4.22 miscounts match spies over two or more remote shards when the same
    // pass also returns documents (seen with xapian-tcpsrv; tests/cli/remote.sh checks it). The
    // pass does not collapse: facets count every matching report, and the story facet counts
    // the distinct stories among them.
    std::optional<FacetCountsCache::Counted> counted;
    if (request.facets) {
        counted = count_facets(match_query);
    }
    RankedPage ranked = rank_page(request, plan, enquire);
    const Xapian::MSet& mset = ranked.matches;
    response.feedback_terms = std::move(ranked.feedback_terms);

    response.query = request.query;
    response.offset = request.offset;
    response.limit = request.limit;
    response.total = mset.get_matches_estimated();
    response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (counted) {
        response.facets = std::move(counted->facets);
        // Collapsed, the results are the stories (reports without a story key stand alone).
        response.total = request.collapse ? response.facets->stories : counted->total;
        response.total_exact = true;
    }
    response.parsed = query::to_sexpr(plan.tree);
    response.xapian = plan.query.get_description();
    response.similar = request.similar;
    response.synonyms = synonyms.source();
    response.collapsed = request.collapse;
    if (auto ok = fill_hits(request, plan, enquire, ranked.page, response); !ok) {
        return tl::unexpected(ok.error());
    }
    response.suggestion = suggestion(request, plan, response.total);
    return response;
}

Searcher::RankedPage Searcher::rank_page(const SearchRequest& request,
                                         Plan& plan,
                                         Xapian::Enquire& enquire) {
    const bool by_relevance = request.sort != SortOrder::Date && plan.bound.ranked;
    const bool feedback =
        request.feedback && by_relevance && plan.bound.words >= ranking.feedback.min_words;
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    RankedPage ranked;
    if (sorted_by_date(request, plan.bound.ranked)) {
        ranked.matches = enquire.get_mset(offset, limit, kCheckAtLeast);
        ranked.page = as_ranked(ranked.matches);
        return ranked;
    }
    // By relevance, equal weights are put newest first here unless Xapian already did
    // (make_enquire: collapsing), or is asked to because a run of them crosses an edge.
    bool ties_ordered = request.collapse;
    // The first `count` matches (and one more, to see a tie across the end), the first `edge`
    // of them exactly those the date order picks.
    const auto matches_to = [&](Xapian::doccount count, Xapian::doccount edge) {
        if (!ties_ordered) {
            Xapian::MSet matches = enquire.get_mset(0, count + 1, kCheckAtLeast);
            if (!tie_crosses(matches, count) && !tie_crosses(matches, edge)) {
                return matches;
            }
            relevance_then_newest(enquire);
            ties_ordered = true;
        }
        return enquire.get_mset(0, count, kCheckAtLeast);
    };
    // The page out of `order` (matches from the first), its runs of equal weights newest first;
    // `reranked` leading matches were re-ranked, and their weights are not the others'.
    const auto page_of = [&](std::vector<RankedMatch> order, std::size_t reranked) {
        if (!ties_ordered) {
            const std::size_t head = std::min(reranked, order.size());
            newest_first_among_ties(order, 0, head);
            newest_first_among_ties(order, head, order.size());
        }
        const auto first = std::min<std::size_t>(offset, order.size());
        const auto last = std::min<std::size_t>(std::size_t{offset} + limit, order.size());
        return std::vector<RankedMatch>(order.begin() + static_cast<std::ptrdiff_t>(first),
                                        order.begin() + static_cast<std::ptrdiff_t>(last));
    };
    const auto adopt = [&](Feedback& expanded) {
        plan.query = expanded.query;
        ranked.feedback_terms = std::move(expanded.terms);
        enquire.set_query(plan.query);  // for each result's matching terms (--explain)
    };
    if (!feedback) {
        ranked.matches = matches_to(offset + limit, 0);
        ranked.page = page_of(as_ranked(ranked.matches), 0);
        return ranked;
    }
    // The query's own ranking down to the page's end, and at least the matches feedback
    // re-ranks: pages cut from it in any order fit together. Feedback reads the best of them.
    const Xapian::doccount feedback_matches = std::max(offset + limit, ranking.feedback.reranked);
    if (remote_) {
        // Over remote shards each posting list the re-rank reads is a round trip to a server
        // (most of a second a search over two xapian-tcpsrv): their own match re-ranks every
        // match instead, as OP_AND_MAYBE (the same pages, unless the words lift a report from
        // beyond the query's first `reranked`).
        const Xapian::MSet matches = matches_to(feedback_matches, ranking.feedback.documents);
        Feedback expanded =
            with_feedback(matches, database_, plan.query, ranking.feedback, term_frequencies_);
        adopt(expanded);
        ranked.matches = matches_to(offset + limit, 0);
        ranked.page = page_of(as_ranked(ranked.matches, matches), 0);
        return ranked;
    }
    ranked.matches = matches_to(feedback_matches, ranking.feedback.documents);
    Feedback expanded =
        with_feedback(ranked.matches, database_, plan.query, ranking.feedback, term_frequencies_);
    const Bm25Params bm25{ranking.k1, ranking.b, kMinNormLength};
    ranked.page =
        page_of(rerank(ranked.matches, ranking.feedback.reranked, expanded, database_, bm25),
                ranking.feedback.reranked);
    adopt(expanded);
    return ranked;
}

FacetCountsCache::Counted Searcher::count_facets(const Xapian::Query& query) {
    std::string key;
    if (keep_facet_records) {
        key = FacetCountsCache::key_of(query);
        if (const auto* kept = facet_counts_.find(key)) {
            return *kept;
        }
    }
    SlotCounts counts(facet_counter_);
    const FacetCollector facets(counts);
    const EntityFacetCollector entity_facets(database_, counts);
    FacetCountsCache::Counted counted;
    counted.total = count_matches(query, counts);
    counted.facets = facets.result(counted.total);
    entity_facets.fill(counted.facets);
    if (keep_facet_records) {
        facet_counts_.keep(key, counted);
    }
    return counted;
}

Xapian::doccount Searcher::count_matches(const Xapian::Query& query, SlotCounts& counts) {
    if (facet_counter_ == SlotCounts::Counter::Own && !counting_parts_.empty()) {
        // Local shards: each core counts its part of them, and the parts add up. Xapian's
        // reference counts are not atomic, so each thread builds its own copy of the query.
        const std::string serialised = query.serialise();
        // Each part's Database and kept records are used by its own thread only.
        const auto count_other = [this, &serialised](std::size_t part, SlotCounts& into) {
            return count_part(part, Xapian::Query::unserialise(serialised), into);
        };
        std::vector<std::unique_ptr<SlotCounts>> part_counts;
        std::vector<std::future<Xapian::doccount>> others;
        for (std::size_t k = 1; k < counting_parts_.size(); ++k) {
            part_counts.push_back(counts.empty_copy());
            others.push_back(
                std::async(std::launch::async, count_other, k, std::ref(*part_counts.back())));
        }
        // The other parts are added to the first before it finishes, while it holds its kept
        // records: numbered alike, their counts add up as arrays.
        return count_part(0, query, counts, [&] {
            Xapian::doccount total = 0;
            for (std::size_t k = 0; k < others.size(); ++k) {
                total += others[k].get();
                counts.merge(*part_counts[k]);
            }
            return total;
        });
    }
    if (facet_counter_ == SlotCounts::Counter::Own) {
        try {
            return count_part(0, query, counts);
        } catch (const Xapian::UnimplementedError&) {
            // A remote shard: a stock xapian-tcpsrv runs only Xapian's own match spies. From
            // now on this searcher counts with them.
            facet_counter_ = SlotCounts::Counter::Stock;
        }
        counts.fall_back_to_stock();
    }
    return count_in(database_, query, counts);
}

const Xapian::Database& Searcher::part_database(std::size_t part) const {
    return counting_parts_.empty() ? database_ : counting_parts_.at(part);
}

Xapian::doccount Searcher::count_part(std::size_t part,
                                      const Xapian::Query& query,
                                      SlotCounts& counts,
                                      const std::function<Xapian::doccount()>& before_finish) {
    auto lease = lease_records(part);
    return count_in(
        part_database(part), query, counts, lease ? &lease->cache() : nullptr, before_finish);
}

std::optional<KeptFacetRecords::Lease> Searcher::lease_records(std::size_t part) {
    if (!keep_facet_records) {
        return std::nullopt;
    }
    const Xapian::Database& database = part_database(part);
    // A database rebuilt at the same path starts its revisions again: its id tells it apart.
    KeptFacetRecords::Revision revision;
    try {
        revision = database.get_uuid() + '@' + std::to_string(database.get_revision());
    } catch (const Xapian::Error&) {
        // Several shards in one part have no one revision: this searcher's reopens stand for it.
        revision = "searcher " + std::to_string(id_) + '@' + std::to_string(reopens_.at(part));
    }
    return kept_records_->lease(part, std::move(revision), database.get_lastdocid());
}

Result<void> Searcher::fill_hits(const SearchRequest& request,
                                 const Plan& plan,
                                 const Xapian::Enquire& enquire,
                                 const std::vector<RankedMatch>& page,
                                 SearchResponse& response) {
    text::Analyzer& analyzer = text::thread_analyzer();
    const std::vector<Xapian::Query> clauses =
        request.explain ? ranked_clauses(plan.query) : std::vector<Xapian::Query>{};
    const Xapian::BM25Weight weighting(ranking.k1, 0, 1, ranking.b, kMinNormLength);
    int rank = request.offset;
    for (const auto& [it, weight, percent] : page) {
        const Xapian::Document doc = it.get_document();
        // The body only for a snippet: it is most of what Xapian would inflate.
        auto report = load_report(doc, request.snippets ? WithBody::Yes : WithBody::No);
        if (!report) {
            return tl::unexpected(report.error());
        }
        Hit hit;
        hit.rank = ++rank;
        hit.score = percent / 100.0;
        hit.weight = weight;
        hit.story = doc.get_value(schema::slot(schema::Slot::StoryKey));
        if (request.snippets) {
            hit.snippet = make_snippet(report->body, plan.bound.highlight, analyzer);
            hit.title = mark_all(report->title, plan.bound.highlight, analyzer);
        }
        if (request.collapse && it.get_collapse_count() > 0 && !hit.story.empty()) {
            auto folded = folded_reports(database_, plan.query, hit.story, report->id, kMaxFolded);
            if (!folded) {
                return tl::unexpected(folded.error());
            }
            hit.folded_total = folded->total;
            for (const auto& r : folded->reports) {
                hit.folded.push_back({r.id, r.title, r.outlet, r.date ? r.date->iso() : "", r.url});
            }
        }
        if (request.explain) {
            std::vector<std::string> matching(enquire.get_matching_terms_begin(it),
                                              enquire.get_matching_terms_end(it));
            hit.explain = explain_result(
                database_, weighting, clauses, schema::boolean_term("id", report->id), matching);
        }
        report->body.clear();
        hit.report = std::move(*report);
        response.hits.push_back(std::move(hit));
    }
    return {};
}

std::optional<std::string> Searcher::suggestion(const SearchRequest& request,
                                                const Plan& plan,
                                                Xapian::doccount total) {
    if (!request.suggest || !request.similar.empty() || total >= kFewMatches) {
        return std::nullopt;
    }
    text::Analyzer& analyzer = text::thread_analyzer();
    auto corrected = spelling_suggestion(database_, request.query, plan.tree, analyzer);
    if (!corrected) {
        return std::nullopt;
    }
    // Suggest it only if it finds more than what was asked.
    SearchRequest check = request;
    check.query = *corrected;
    auto corrected_plan = this->plan(check, analyzer);
    if (!corrected_plan) {
        return std::nullopt;
    }
    Xapian::Enquire enquire = make_enquire(corrected_plan->query, check, true);
    const Xapian::MSet mset = enquire.get_mset(0, 0, total + 1);
    if (mset.get_matches_lower_bound() <= total) {
        return std::nullopt;
    }
    return corrected;
}

}  // namespace gazette::search
