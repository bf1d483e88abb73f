/// @file
/// Compacting the shards after a run that wrote most of their reports (gazette-index --compact).
/// Xapian leaves the B-tree blocks of a database built by many commits partly empty; compacted
/// (xapian-compact's work, Xapian::Database::compact) each block is full, the database about half
/// the size, and every search reads fewer blocks: at 37k reports plain searches took a quarter
/// less time (BENCHMARKS.md). Later runs write into the compacted database as into any other.
/// The tables are replaced in place: a searcher that had the database open must open it again
/// (README), which is why it is asked for, not done by default.
#pragma once

#include "common/error.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace gazette::indexer {

/// @return true when a run that wrote `written` reports (added or replaced) into a database
/// that now holds `total` is worth compacting: it wrote at least a quarter of them (a new
/// database, a rebuild, a large batch). Compacting costs a pass over the whole database, so a
/// few reports dropped into a large one are not.
[[nodiscard]] bool worth_compacting(std::size_t written, std::size_t total);

/// Rewrites each database of `paths` (glass databases, not stubs) compacted, its document ids
/// kept, on up to `jobs` threads. The copy is made in the database's directory ("compacting"),
/// and replaces the tables only once complete: if compacting fails, the database stays as it
/// was and the error is returned.
[[nodiscard]] Result<void> compact_in_place(const std::vector<std::string>& paths,
                                            std::size_t jobs);

}  // namespace gazette::indexer
