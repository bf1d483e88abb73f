/// @file
/// Hyphenated compounds ("human-wave", "front-line"): the indexer adds one stemmed word for each,
/// and the searcher asks for it, so both sides join the parts here, the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::text {

/// @return true when the text between two words makes them parts of one compound: a hyphen
/// ("-", U+2010 or U+2011), nothing else.
[[nodiscard]] bool is_compound_joint(std::string_view gap);

/// @return the folded parts of a compound as one word ({"human", "wave"} -> "humanwave"), or ""
/// when they do not make one: fewer than 2 or more than schema::kMaxCompoundParts parts, or a part
/// that is not all letters ("covid-19", "f-16" stay apart).
[[nodiscard]] std::string join_compound(const std::vector<std::string>& parts);

}  // namespace gazette::text
