#include "searcher/searcher.hpp"

#include "common/database.hpp"
#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "searcher/query/query_parser.hpp"

namespace gazette::search {
namespace {

/// Attempts at a search while the indexer commits under it: a search longer than two commits
/// loses its revision (Xapian reuses the blocks), so a writer committing small batches fast
/// needs several.
constexpr int kRetries = 20;
/// Matches Xapian looks at even without facets, so that small totals are exact, not estimates.
constexpr Xapian::doccount kCheckAtLeast = 200;

Result<Xapian::Query> filters_of(const SearchRequest& request) {
    std::vector<Xapian::Query> filters;
    if (!request.outlets.empty()) {
        std::vector<Xapian::Query> outlets;
        for (const auto& outlet : request.outlets) {
            outlets.emplace_back(schema::boolean_term("outlet", outlet));
        }
        filters.emplace_back(Xapian::Query::OP_OR, outlets.begin(), outlets.end());
    }
    if (!request.from.empty()) {
        auto span = parse_date_spec(request.from);
        if (!span || !span->first) {
            return fail(ErrorCode::Query,
                        "--from '" + request.from + "' is not a date",
                        "use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        filters.emplace_back(
            Xapian::Query::OP_VALUE_GE, schema::slot(schema::Slot::Date), span->first->compact());
    }
    if (!request.to.empty()) {
        auto span = parse_date_spec(request.to);
        if (!span || !span->last) {
            return fail(ErrorCode::Query,
                        "--to '" + request.to + "' is not a date",
                        "use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        filters.emplace_back(
            Xapian::Query::OP_VALUE_LE, schema::slot(schema::Slot::Date), span->last->compact());
    }
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

}  // namespace

Result<Searcher> Searcher::open(const std::string& path) {
    auto database = db::open_for_reading(path);
    if (!database) {
        return tl::unexpected(database.error());
    }
    return Searcher(std::move(*database), path);
}

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
    for (int attempt = 0;; ++attempt) {
        try {
            database_.reopen();  // see what the indexer has committed since the last search
            return run(request);
        } catch (const Xapian::DatabaseModifiedError& e) {
            // The indexer committed while we read: read the new revision and try again.
            if (attempt + 1 >= kRetries) {
                return tl::unexpected(db::translate(e, path_));
            }
            database_.reopen();
        } catch (const Xapian::Error& e) {
            return tl::unexpected(db::translate(e, path_));
        }
    }
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
    auto bound = bind(*tree, analyzer);
    if (!bound) {
        return tl::unexpected(bound.error());
    }
    auto filters = filters_of(request);
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
    FacetCollector facets;
    if (request.facets) {
        facets.attach(enquire);
    }
    // Facet counts are exact only when every match is looked at.
    const Xapian::doccount check_at_least =
        request.facets ? database_.get_doccount() : kCheckAtLeast;
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit),
                                               check_at_least);

    SearchResponse response;
    response.query = request.query;
    response.offset = request.offset;
    response.limit = request.limit;
    response.total = mset.get_matches_estimated();
    response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
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
        response.facets = facets.result(response.total);
    }
    return response;
}

}  // namespace gazette::search
