#include "searcher/searcher.hpp"

#include "common/database.hpp"
#include "common/schema.hpp"
#include "common/stored_report.hpp"
#include "searcher/query/query_parser.hpp"
#include "searcher/similar.hpp"
#include "searcher/stories.hpp"
#include "searcher/suggestion.hpp"

namespace gazette::search {
namespace {

constexpr int kRetries = 3;
/// Matches Xapian looks at even without facets, so that small totals are exact, not estimates.
constexpr Xapian::doccount kCheckAtLeast = 200;
/// A query finding fewer reports than this "finds little" and may get a spelling suggestion.
constexpr Xapian::doccount kFewMatches = 10;
/// Near-duplicates listed under a collapsed result (the count says how many there are in all).
constexpr Xapian::doccount kMaxFolded = 20;

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

Result<Searcher::Plan> Searcher::plan(const SearchRequest& request, text::Analyzer& analyzer) {
    auto tree = query::parse(request.query, field_role);
    if (!tree) {
        return tl::unexpected(tree.error());
    }
    SynonymExpander expander(synonyms, database_, analyzer);
    auto bound = bind(*tree, analyzer, &expander);
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
    auto filters = filters_of(request);
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
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
    const auto date_slot = schema::slot(schema::Slot::Date);
    const bool by_date =
        request.sort == SortOrder::Date || (request.sort == SortOrder::Auto && !ranked);
    if (by_date) {
        enquire.set_sort_by_value_then_relevance(date_slot, true);
    } else {
        enquire.set_sort_by_relevance_then_value(date_slot, true);
    }
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

    SearchResponse response;
    Xapian::Enquire enquire = make_enquire(plan.query, request, plan.bound.ranked);
    const bool by_relevance = request.sort != SortOrder::Date && plan.bound.ranked;
    if (request.feedback && by_relevance && plan.bound.words >= ranking.feedback.min_words) {
        Feedback feedback = with_feedback(enquire, plan.query, ranking.feedback);
        plan.query = feedback.query;
        response.feedback_terms = std::move(feedback.terms);
        enquire.set_query(plan.query);
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

    response.query = request.query;
    response.offset = request.offset;
    response.limit = request.limit;
    response.total = mset.get_matches_estimated();
    response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    response.parsed = query::to_sexpr(plan.tree);
    response.xapian = plan.query.get_description();
    response.similar = request.similar;
    response.synonyms = synonyms.source();
    response.collapsed = request.collapse;
    if (auto ok = fill_hits(request, plan, enquire, mset, response); !ok) {
        return tl::unexpected(ok.error());
    }
    if (request.facets) {
        response.facets = facets.result(response.total);
    }
    response.suggestion = suggestion(request, plan, response.total);
    return response;
}

Result<void> Searcher::fill_hits(const SearchRequest& request,
                                 const Plan& plan,
                                 const Xapian::Enquire& enquire,
                                 const Xapian::MSet& mset,
                                 SearchResponse& response) {
    text::Analyzer& analyzer = text::thread_analyzer();
    const std::vector<Xapian::Query> clauses =
        request.explain ? ranked_clauses(plan.query) : std::vector<Xapian::Query>{};
    const Xapian::BM25Weight weighting(ranking.k1, 0, 1, ranking.b, 0.5);
    int rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        auto report = parse_report(doc.get_data());
        if (!report) {
            return tl::unexpected(report.error());
        }
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_percent() / 100.0;
        hit.weight = it.get_weight();
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
