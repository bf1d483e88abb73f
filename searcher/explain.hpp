/// @file
/// Why a report matched: for each clause of the ranked query (a word with its synonyms, a
/// phrase, the feedback terms), the weight it gave the report and the terms of it the report has.
/// BM25 weights add up over the clauses of an OR, AND or AND_MAYBE, so the clause weights of a
/// result sum to its weight.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::search {

/// What one clause of the query gave one result.
struct ClauseWeight {
    std::string clause;                ///< the clause, as Xapian describes it
    double weight = 0;                 ///< the weight it gave the result
    std::vector<std::string> matched;  ///< the clause's terms that the result has
};

/// @return the clauses of a query that rank: the subqueries of its top OR, AND or AND_MAYBE (a
/// filter's ranked side, through OP_FILTER), or the query itself.
[[nodiscard]] std::vector<Xapian::Query> ranked_clauses(const Xapian::Query& query);

/// @return what each clause gave the result whose unique id term is `id_term`; `matching` are
/// the terms Enquire::get_matching_terms() found for it.
[[nodiscard]] std::vector<ClauseWeight> explain_result(const Xapian::Database& database,
                                                       const Xapian::Weight& weighting,
                                                       const std::vector<Xapian::Query>& clauses,
                                                       const std::string& id_term,
                                                       const std::vector<std::string>& matching);

}  // namespace gazette::search
