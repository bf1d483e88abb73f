/// @file
/// Re-ranking the query's best matches with the words feedback chose, without a second match.
/// Xapian would give a report the same weight for OP_AND_MAYBE(query, expansion), but it would
/// visit every match of the query to find the best; the words only re-rank, so only the best
/// matches of the query's own ranking are re-ranked (FeedbackParams::reranked), each expansion
/// word's posting list read once for them.
#pragma once

#include "searcher/feedback.hpp"

#include <xapian.h>

#include <vector>

namespace gazette::search {

/// BM25's parameters, as the searcher's Xapian::BM25Weight(k1, 0, 1, b, min_normlen) has them.
struct Bm25Params {
    double k1 = 1.2;
    double b = 0.75;
    double min_normlen = 0.5;
};

/// A match of the query, and its weight once re-ranked.
struct RankedMatch {
    Xapian::MSetIterator match;
    double weight = 0;
    /// How well it matches the query's own words: Xapian's percentage for the query.
    int percent = 0;
};

/// @return the matches of `matches` (the query's own ranking, from its first match): the first
/// `count` ordered by their weight plus what `feedback`'s terms give them (as Xapian's BM25
/// would, scaled as in feedback.query), ties in the query's order; then the rest, in the
/// query's order, with their own weights.
[[nodiscard]] std::vector<RankedMatch> rerank(const Xapian::MSet& matches,
                                              Xapian::doccount count,
                                              const Feedback& feedback,
                                              const Xapian::Database& database,
                                              const Bm25Params& bm25);

/// @return the matches of `matches` in its own order, with their weights and percentages.
[[nodiscard]] std::vector<RankedMatch> as_ranked(const Xapian::MSet& matches);

/// @return the matches of `reranked` (the query with feedback, re-ranked by Xapian) in its order,
/// each with its percentage in `matches` (the query's own ranking) where that has it, else
/// its weight as a percentage of `matches`' scale.
[[nodiscard]] std::vector<RankedMatch> as_ranked(const Xapian::MSet& reranked,
                                                 const Xapian::MSet& matches);

}  // namespace gazette::search
