/// @file
/// Equal weights newest first, without asking Xapian to read every match's date. Xapian's
/// set_sort_by_relevance_then_value reads the sort value of each match it weighs (about a tenth
/// of a plain search at 37k reports), though only matches of equal weight need it. So a search by
/// relevance asks Xapian for relevance alone, checks that no run of equal weights crosses an edge
/// that decides which matches are kept (the page's end, the best matches feedback reads; where one
/// does, it asks Xapian for the date order after all), and puts each run newest first itself.
#pragma once

#include "searcher/rerank.hpp"

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace gazette::search {

/// @return whether matches `edge - 1` and `edge` of `matches` (counted from its first) have the
/// same weight: which of the run's matches come before `edge` would then be the date's choice,
/// not Xapian's document order. False when either is not in `matches`.
[[nodiscard]] bool tie_crosses(const Xapian::MSet& matches, Xapian::doccount edge);

/// Orders each run of equal weights in ranked[begin, end) by publication date, newest first
/// (undated last), keeping the order of equal dates: as Xapian's
/// set_sort_by_relevance_then_value(Slot::Date, descending) would. Reads only the runs' dates.
void newest_first_among_ties(std::vector<RankedMatch>& ranked, std::size_t begin, std::size_t end);

}  // namespace gazette::search
