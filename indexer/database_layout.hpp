/// @file
/// Where a database's files live. One database is a Xapian directory; a sharded one is a
/// directory holding shard-0 ... shard-(N-1) and a Xapian stub file (XAPIANDB) listing them, so
/// that `gazette-search --db DIR` opens both the same way. Reports go to the shard picked by a
/// hash of their id, in every run (adding, deleting, pruning).
#pragma once

#include "common/database.hpp"
#include "common/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::indexer {

struct DatabaseLayout {
    std::string root;        ///< the --db directory
    std::size_t shards = 1;  ///< 1: root is the database itself; more: root holds shard-K
    /// @return the database directories, one per shard.
    [[nodiscard]] std::vector<std::string> shard_paths() const;
};

/// @return the layout a database directory has: sharded when it holds a stub or shard
/// directories, else one database; nothing when it does not exist or holds no database.
[[nodiscard]] std::optional<DatabaseLayout> existing_layout(const std::string& root);

/// Decides the layout to write: the existing one, or `requested_shards` shards for a new
/// database (0: not asked, one database). Changing the shard count of a database needs
/// `--rebuild`, since every report would move; turning one database into shards (or back)
/// needs a new directory.
/// @return ErrorCode::Usage when the request conflicts with what is there.
[[nodiscard]] Result<DatabaseLayout> choose_layout(const std::string& root,
                                                   std::size_t requested_shards,
                                                   db::WriteMode mode);

/// Writes the stub file of a sharded layout (atomically), and removes shard directories past
/// its count (left by a rebuild with fewer shards). Does nothing for one database.
[[nodiscard]] Result<void> write_stub(const DatabaseLayout& layout);

/// @return the shard (0 .. shards-1) report `id` belongs to: XXH3-64 of the id, modulo shards.
[[nodiscard]] std::size_t shard_of(std::string_view id, std::size_t shards);

}  // namespace gazette::indexer
