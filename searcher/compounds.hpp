/// @file
/// Compound words in queries. The words of a compound match however it is written: apart, with a
/// hyphen, or solid ("front line" = "front-line" = "frontline"), and in either number when it is
/// hyphenated or solid ("human waves" finds "human-wave attacks": the indexer adds one stemmed
/// word for each hyphenated compound, see text::join_compound).
#pragma once

#include "common/text/analyzer.hpp"

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace gazette::search {

/// @return the query for the words of a compound: their phrase (which also matches them
/// hyphenated) and the stemmed compound (solid or hyphenated, singular or plural) as one
/// OP_SYNONYM; the phrase alone when the words cannot be joined (digits, too many parts).
[[nodiscard]] Xapian::Query compound_query(const std::vector<std::string>& parts,
                                           text::Analyzer& analyzer);

/// @return the ways a solid word splits into two words that both occur in the database
/// ("frontline" -> {"front", "line"}). Words under 6 letters, halves under 3 letters, halves that
/// are function words ("with" + "draw"), tails that are suffixes ("kick" + "ing") and words that
/// are not plain ASCII letters are not split.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> compound_splits(
    const std::string& word, const Xapian::Database& database);

}  // namespace gazette::search
