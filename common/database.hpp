/// @file
/// Opening Gazette databases: the one place where Xapian's open and lock exceptions become
/// Errors with a message and a hint, and where the schema version is written and checked.
#pragma once

#include "common/error.hpp"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gazette::db {

/// The indexer's lock file in a database directory; it holds the pid of the indexer that has it.
inline constexpr std::string_view kLockFileName = "gazette.lock";
/// The stub file of a sharded database directory: Xapian opens a directory holding one as the
/// shards it lists (`auto shard-0` lines).
inline constexpr std::string_view kStubFileName = "XAPIANDB";

/// B-tree block size of a new database: 32 KB instead of Xapian's 8 KB, fewer reads per posting
/// list and value stream. On the 37,554 AllSides articles every search p50 (bare, plain, facets)
/// fell 10-20% for 15% more disk; indexing took as long (BENCHMARKS.md).
inline constexpr int kBlockSize = 32 * 1024;

/// The directory in a shard where gazette-index --compact builds the compacted copy
/// (indexer/compaction.hpp); it is renamed kCompactedDirName when finished, and its tables then
/// replace the shard's. It goes when they have.
inline constexpr std::string_view kCompactingDirName = "compacting";
inline constexpr std::string_view kCompactedDirName = "compacted";

/// @return $GAZETTE_DB, else $XDG_DATA_HOME/gazette/db, else ~/.local/share/gazette/db.
[[nodiscard]] std::string default_path();

/// Opens a database (a directory, or a stub file listing local or remote shards) for searching.
/// @return ErrorCode::DatabaseMissing, DatabaseNotGazette, SchemaMismatch or DatabaseCorrupt.
[[nodiscard]] Result<Xapian::Database> open_for_reading(const std::string& path);

/// @return the shards a stub lists (`path` is the stub file or a directory holding one), when
/// every one is a local database; empty when `path` is no stub or a shard is remote. Searchers
/// use them to count facets over several shards at once.
[[nodiscard]] std::vector<std::string> local_shards(const std::string& path);

/// @return whether `path` is a stub (or a directory holding one) that lists a remote shard.
[[nodiscard]] bool has_remote_shards(const std::string& path);

/// The table files of a database, told apart from files put in their place (by gazette-index
/// --compact, or xapian-compact and a move): commits write into the same files, a replacement
/// brings new ones. Xapian's reopen() reads on through the files it has open, so a reader must
/// open a replaced database afresh.
struct TableFiles {
    /// Shard by shard, the inode of its posting list table (`postlist.glass`; 0 when missing).
    std::vector<std::uint64_t> inodes;
    /// A shard's compacted copy is replacing its tables: they may be half replaced, so a reader
    /// keeps the ones it has open (unlinked files keep their revision whole) until this ends.
    bool being_replaced = false;
};

/// @return the table files of the database at `path` (a database directory, or a stub of local
/// shards); none for a stub with a remote shard (the server reads its own files).
[[nodiscard]] TableFiles table_files(const std::string& path);

/// Whether each commit waits for the disk. It costs little in a small database and a fifth of
/// the indexing time at 100k reports and more (every commit flushes more of the B-trees), so a
/// new database is written without it and synced once at the end: a power cut during a first
/// import can lose that import, never an older one; a crashed process loses a batch at most, as
/// before (its commits are in the OS's cache).
enum class Commits {
    Synced,    ///< Xapian's default: commit returns when the disk has it
    Unsynced,  ///< Xapian::DB_NO_SYNC; sync_to_disk() when done
};

/// How to open a database for writing.
enum class WriteMode {
    CreateOrOpen,  ///< create when missing, else open (and check the schema version)
    Rebuild,       ///< start again empty, whatever is there (if it is a database)
};

/// Checks that a database may be written at `path`: it is missing, empty (but for the lock
/// file), or a Xapian database (or a directory of shards with a stub) already.
/// @return ErrorCode::DatabaseNotGazette when it is a file, or a directory of other files.
[[nodiscard]] Result<void> check_writable(const std::string& path);

/// Opens (or creates) a database for writing; records the schema version in a new one.
/// @return ErrorCode::DatabaseLocked when another writer holds it, DatabaseNotGazette when the
/// path is a directory of other files, SchemaMismatch, DatabaseCorrupt or Io.
[[nodiscard]] Result<Xapian::WritableDatabase> open_for_writing(const std::string& path,
                                                                WriteMode mode,
                                                                Commits commits = Commits::Synced);

/// @return how commits to a database opened at `path` with `mode` should reach the disk:
/// Commits::Unsynced for a new or rebuilt one (nothing older to lose), else Commits::Synced.
[[nodiscard]] Commits commits_for(const std::string& path, WriteMode mode);

/// Makes the disk hold every file of the database at `path` and the directory (fsync each), as
/// the last step of writing it with Commits::Unsynced, once it is closed.
/// @return ErrorCode::Io naming the file that could not be synced.
[[nodiscard]] Result<void> sync_to_disk(const std::string& path);

/// Checks the schema version a database records.
[[nodiscard]] Result<void> check_schema(const Xapian::Database& database, const std::string& path);

/// Turns a Xapian exception into an Error about the database at `path`.
[[nodiscard]] Error translate(const Xapian::Error& error, const std::string& path);

}  // namespace gazette::db
