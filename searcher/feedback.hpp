/// @file
/// Pseudo-relevance feedback for questions: when a query has many words (a question in natural
/// language rather than a few keywords), the words its best matches share say what it means
/// better than its own words, so they re-rank the matches (Rocchio's feedback, with Xapian's
/// expand weights). They only re-rank: the set of matches and its count stay the query's own.
#pragma once

#include "searcher/term_frequencies.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::search {

/// Tuned on the Cranfield and CISI judgments (scripts/eval-ranking, BENCHMARKS.md).
struct FeedbackParams {
    std::size_t min_words = 5;        ///< ranked words a query needs to be a question
    Xapian::doccount documents = 10;  ///< best matches taken as relevant
    Xapian::termcount terms = 20;     ///< expansion terms added
    Xapian::doccount min_shared = 2;  ///< best matches an expansion term must be in
    std::size_t lookups = 100;        ///< candidate terms whose frequency is looked up
    /// Words in more than this share of the reports, and in more than `long_list` of them, are
    /// not added: they weigh little, and their posting lists, the longest, were most of the
    /// re-ranked query's cost (BENCHMARKS.md). Below `long_list` reports a list is cheap.
    double max_share = 0.1;
    Xapian::doccount long_list = 1000;
    double weight = 0.3;  ///< the best expansion term's weight, relative to a query term
    /// The query's best matches the expansion terms re-rank (rerank.hpp); the rest keep the
    /// query's order. Re-ranking every match, as Xapian's OP_AND_MAYBE would, cost a second pass
    /// over all of them; with 100, nDCG@10 on Cranfield and CISI is the same and MAP (top 1,000)
    /// 0.003-0.004 lower (BENCHMARKS.md).
    Xapian::doccount reranked = 100;
};

/// The query with feedback, and the terms it added (for --explain).
struct Feedback {
    Xapian::Query query;
    std::vector<std::string> terms;
    std::vector<double> scales;                 ///< each term's OP_SCALE_WEIGHT in `query`
    std::vector<Xapian::doccount> frequencies;  ///< how many reports have each term
};

/// Returns `query` with the most telling stemmed body terms of its best matches added to
/// re-rank them (OP_AND_MAYBE). `matches` is the query's own ranking from its first match (its
/// first `params.documents` are its best). The words' frequencies come from `frequencies` (kept
/// by the searcher between searches).
[[nodiscard]] Feedback with_feedback(const Xapian::MSet& matches,
                                     const Xapian::Database& database,
                                     const Xapian::Query& query,
                                     const FeedbackParams& params,
                                     TermFrequencies& frequencies);

/// The same, running `enquire` (whose query is set) for its best matches and looking every
/// frequency up afresh.
[[nodiscard]] Feedback with_feedback(Xapian::Enquire& enquire,
                                     const Xapian::Database& database,
                                     const Xapian::Query& query,
                                     const FeedbackParams& params);

}  // namespace gazette::search
