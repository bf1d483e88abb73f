#include "searcher/explain.hpp"

#include <algorithm>

namespace gazette::search {
namespace {

void collect_clauses(const Xapian::Query& query, std::vector<Xapian::Query>& out) {
    switch (query.get_type()) {
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_AND_MAYBE:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
                collect_clauses(query.get_subquery(i), out);
            }
            return;
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_AND_NOT:
            // Only the first subquery ranks; the others restrict.
            collect_clauses(query.get_subquery(0), out);
            return;
        default:
            out.push_back(query);
    }
}

std::string describe(const Xapian::Query& query) {
    std::string text = query.get_description();
    // "Query(...)" -> "..."
    if (text.rfind("Query(", 0) == 0 && text.back() == ')') {
        text = text.substr(6, text.size() - 7);
    }
    return text;
}

}  // namespace

std::vector<Xapian::Query> ranked_clauses(const Xapian::Query& query) {
    std::vector<Xapian::Query> clauses;
    collect_clauses(query, clauses);
    return clauses;
}

std::vector<ClauseWeight> explain_result(const Xapian::Database& database,
                                         const Xapian::Weight& weighting,
                                         const std::vector<Xapian::Query>& clauses,
                                         const std::string& id_term,
                                         const std::vector<std::string>& matching) {
    std::vector<ClauseWeight> out;
    Xapian::Enquire enquire(database);
    enquire.set_weighting_scheme(weighting);
    for (const auto& clause : clauses) {
        // The clause alone, restricted to this result: the same statistics, so the same weight
        // the clause gave it inside the whole query.
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, clause, Xapian::Query(id_term)));
        const Xapian::MSet mset = enquire.get_mset(0, 1);
        ClauseWeight weight;
        weight.clause = describe(clause);
        weight.weight = mset.empty() ? 0.0 : mset.begin().get_weight();
        for (auto it = clause.get_unique_terms_begin(); it != clause.get_unique_terms_end(); ++it) {
            if (std::find(matching.begin(), matching.end(), *it) != matching.end()) {
                weight.matched.push_back(*it);
            }
        }
        if (weight.weight > 0 || !weight.matched.empty()) {
            out.push_back(std::move(weight));
        }
    }
    return out;
}

}  // namespace gazette::search
