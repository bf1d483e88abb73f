/// @file
/// Compacting the shards after a run that wrote most of their reports (gazette-index --compact).
/// Xapian leaves the B-tree blocks of a database built by many commits partly empty; compacted
/// (xapian-compact's work, Xapian::Database::compact) each block is full, the database about half
/// the size, and every search reads fewer blocks: at 37k reports plain searches took a quarter
/// less time (BENCHMARKS.md). Later runs write into the compacted database as into any other.
/// The tables are replaced in place; searchers notice, and open the new ones (db::TableFiles).
#pragma once

#include "common/error.hpp"

#include <cstddef>
#include <cstdint>
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
/// renamed "compacted" once complete, and then replaces the tables: if compacting fails, the
/// database stays as it was and the error is returned. Searchers see "compacted" and keep the
/// tables they have open until it is gone, then open the new ones (db::TableFiles).
[[nodiscard]] Result<void> compact_in_place(const std::vector<std::string>& paths,
                                            std::size_t jobs);

/// Checks that a disk with `available` bytes free has room for the compacted copies of the
/// databases at `paths` (at most the size of their tables). compact_in_place checks first, so
/// that a nearly full disk is not filled up by a copy that cannot be finished.
/// @return ErrorCode::Io saying how much is needed and how much is free, when it has not.
[[nodiscard]] Result<void> check_room_to_compact(const std::vector<std::string>& paths,
                                                 std::uintmax_t available);

/// The first half of compacting the database at `path`: builds the compacted copy in its
/// directory ("compacting"), and renames it "compacted" when complete, ready to replace the
/// tables (finish_compacting does). compact_in_place does both halves.
[[nodiscard]] Result<void> prepare_compacted_copy(const std::string& path);

/// Finishes, in each database of `paths`, the replacing of its tables by a compacted copy that
/// a run stopped halfway (a "compacted" directory is left), and removes an unfinished copy.
/// Runs call it before writing, so that a crash while compacting loses nothing.
[[nodiscard]] Result<void> finish_compacting(const std::vector<std::string>& paths);

}  // namespace gazette::indexer
