/// @file
/// Phrases an OP_SYNONYM need not check. A phrase among a synonym's alternatives costs a read of
/// its words' positions in every report that has them all ("united states", "donald trump": in a
/// third of the news). When another alternative already matches every report the phrase does,
/// the phrase adds no match, only that cost: 5 of the 5.4 ms of `donald trump` at 37k reports.
#pragma once

#include "common/text/analyzer.hpp"

#include <xapian.h>

#include <vector>

namespace gazette::search {

/// @return `alternatives` (of one OP_SYNONYM) without the exact phrases another of them implies:
/// - a phrase with a word whose stemmed term is an alternative of its own ("donald trump" beside
///   `Ztrump`: a report with the word "trump" has the term `Ztrump`);
/// - a phrase holding a shorter phrase alternative as a run of its words ("united states of
///   america" beside "united states").
/// A word of a phrase is a body word term, or an OP_OR of forms of one stem (its inflections).
/// Phrases are taken to be exact (window = words), as the binder and the synonym expander build
/// them. The order of what is kept does not change.
[[nodiscard]] std::vector<Xapian::Query> without_implied_phrases(
    std::vector<Xapian::Query> alternatives, text::Analyzer& analyzer);

}  // namespace gazette::search
