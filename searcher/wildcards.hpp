/// @file
/// Wildcards (zelensk*): the words a word start begins, looked up by Gazette over the whole
/// database rather than by Xapian's OP_WILDCARD. Xapian 1.4 expands a wildcard on each shard
/// apart, so a shard without one of its words weighs the others differently: two shards, or
/// remote ones, would rank otherwise than one database of the same reports.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::search {

/// @return the terms of `database` that begin with `start` (a field prefix and a folded word
/// start: "zelensk", "Szelensk"), at most `limit` of them: the most frequent, ties in term
/// order; the result is in term order.
[[nodiscard]] std::vector<std::string> wildcard_terms(const Xapian::Database& database,
                                                      const std::string& start,
                                                      std::size_t limit);

}  // namespace gazette::search
