#include "searcher/searcher.hpp"

#include "common/database.hpp"
#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "searcher/entity_facets.hpp"
#include "searcher/entity_spellings.hpp"
#include "searcher/query/query_parser.hpp"

#include <algorithm>
#include <cstdlib>

namespace gazette::search {
namespace {

/// Attempts at a search while the indexer commits under it: a search longer than two commits
/// loses its revision (Xapian reuses the blocks), so a writer committing small batches fast
/// needs several.
constexpr int kRetries = 20;
/// Matches Xapian looks at even without facets, so that small totals are exact, not estimates.
constexpr Xapian::doccount kCheckAtLeast = 200;

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

/// Runs `body`; when the indexer committed while it read, reads the new revision and tries again.
template <class Body>
auto with_retries(Xapian::Database& database, const std::string& path, const Body& body)
    -> decltype(body()) {
    for (int attempt = 0;; ++attempt) {
        try {
            return body();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt + 1 >= kRetries) {
                return tl::unexpected(db::translate(e, path));
            }
            database.reopen();
        } catch (const Xapian::Error& e) {
            return tl::unexpected(db::translate(e, path));
        }
    }
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
    auto database = db::open_for_reading(path);
    if (!database) {
        return tl::unexpected(database.error());
    }
    return Searcher(std::move(*database), path, std::move(*aliases));
}

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
    return with_retries(database_, path_, [&] { return run(request); });
}

Result<std::optional<Report>> Searcher::find_report(const std::string& id) {
    return with_retries(database_, path_, [&] { return fetch(id); });
}

Result<void> Searcher::refresh() {
    try {
        database_.reopen();
    } catch (const Xapian::Error& e) {
        return tl::unexpected(db::translate(e, path_));
    }
    return {};
}

Result<std::optional<Report>> Searcher::fetch(const std::string& id) {
    const std::string term = schema::boolean_term("id", id);
    const auto postings = database_.postlist_begin(term);
    if (postings == database_.postlist_end(term)) {
        return std::optional<Report>();
    }
    auto report = parse_report(database_.get_document(*postings).get_data());
    if (!report) {
        return tl::unexpected(report.error());
    }
    return std::optional<Report>(std::move(*report));
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
    auto tree = query::parse(request.query, field_role);
    if (!tree) {
        return tl::unexpected(tree.error());
    }
    text::Analyzer& analyzer = text::thread_analyzer();
    auto bound = bind(*tree, analyzer, &aliases_, [this] { return mention_years(database_); });
    if (!bound) {
        return tl::unexpected(bound.error());
    }
    auto filters = filters_of(request, aliases_, database_);
    if (!filters) {
        return tl::unexpected(filters.error());
    }
    Xapian::Query final_query = bound->query;
    if (!filters->empty()) {
        final_query = Xapian::Query(Xapian::Query::OP_FILTER, final_query, *filters);
    }

    Xapian::Enquire enquire(database_);
    enquire.set_query(final_query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
    const auto date_slot = schema::slot(schema::Slot::Date);
    const bool by_date =
        request.sort == SortOrder::Date || (request.sort == SortOrder::Auto && !bound->ranked);
    if (by_date) {
        enquire.set_sort_by_value_then_relevance(date_slot, true);
    } else {
        enquire.set_sort_by_relevance_then_value(date_slot, true);
    }
    // Facets are counted in a pass of their own that looks at every match and returns no
    // documents: Xapian 1.4.22 miscounts match spies over two or more remote shards when the same
    // pass also returns documents (seen with xapian-tcpsrv; tests/cli/remote.sh checks it).
    FacetCollector facets;
    std::optional<EntityFacetCollector> entity_facets;
    Xapian::doccount exact_total = 0;
    if (request.facets) {
        // Counting needs every match but no weights and no order: the cheapest pass Xapian has.
        Xapian::Enquire counter(database_);
        counter.set_query(final_query);
        counter.set_weighting_scheme(Xapian::BoolWeight());
        counter.set_docid_order(Xapian::Enquire::DONT_CARE);
        facets.attach(counter);
        entity_facets.emplace(database_);
        entity_facets->attach(counter);
        exact_total = counter.get_mset(0, 0, database_.get_doccount()).get_matches_estimated();
    }
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit),
                                               kCheckAtLeast);

    SearchResponse response;
    response.query = request.query;
    response.offset = request.offset;
    response.limit = request.limit;
    response.total = request.facets ? exact_total : mset.get_matches_estimated();
    response.total_exact =
        request.facets || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    response.parsed = query::to_sexpr(*tree);
    response.xapian = final_query.get_description();
    int rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        auto report = parse_report(it.get_document().get_data());
        if (!report) {
            return tl::unexpected(report.error());
        }
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_percent() / 100.0;
        hit.weight = it.get_weight();
        if (request.snippets) {
            hit.snippet = make_snippet(report->body, bound->highlight, analyzer);
            hit.title = mark_all(report->title, bound->highlight, analyzer);
        }
        report->body.clear();
        hit.report = std::move(*report);
        response.hits.push_back(std::move(hit));
    }
    if (request.facets) {
        response.facets = facets.result(exact_total);
        entity_facets->fill(*response.facets);
    }
    return response;
}

}  // namespace gazette::search
