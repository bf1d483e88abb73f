#include "common/database.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace gazette::db {
namespace fs = std::filesystem;
namespace {

/// Opening races the indexer's commits now and then; a few attempts always win.
constexpr int kOpenAttempts = 5;

std::string reindex_hint(const std::string& path) {
    return "re-index: gazette-index --db " + path + " --rebuild PATH...";
}

/// @return true when `dir` holds one Xapian database (not a stub of shards).
bool holds_one_database(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec) ||
           fs::exists(dir / "iamhoney", ec);
}

bool looks_like_xapian_dir(const fs::path& dir) {
    std::error_code ec;
    return holds_one_database(dir) || fs::exists(dir / kStubFileName, ec);
}

/// @return true when `dir` holds files other than the indexer's lock file.
bool is_nonempty_dir(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return false;
    }
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (it->path().filename() != kLockFileName) {
            return true;
        }
    }
    return false;
}

/// A line of a stub: its backend ("auto", "glass", "remote", ...) and the rest of the line.
struct StubLine {
    std::string backend;
    std::string target;
};

/// @return the stub file `path` names (itself, or the stub of the directory it names).
fs::path stub_of(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) ? fs::path(path) / kStubFileName : fs::path(path);
}

/// @return the lines of stub `stub`, blank lines and comments left out; empty when it cannot be
/// read. Stub lines are "BACKEND PATH" (a relative path is the stub's directory's), "remote ..."
/// or "inmemory"; "#" starts a comment.
std::vector<StubLine> stub_lines(const fs::path& stub) {
    std::ifstream in(stub);
    std::vector<StubLine> lines;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        StubLine entry;
        if (!(words >> entry.backend) || entry.backend.front() == '#') {
            continue;
        }
        if (words >> std::ws) {
            std::getline(words, entry.target);
        }
        lines.push_back(std::move(entry));
    }
    return lines;
}

}  // namespace

std::string default_path() {
    if (const char* env = std::getenv("GAZETTE_DB"); env != nullptr && *env != '\0') {
        return env;
    }
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        return (fs::path(xdg) / "gazette" / "db").string();
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return (fs::path(home) / ".local" / "share" / "gazette" / "db").string();
    }
    return "gazette-db";
}

std::vector<std::string> local_shards(const std::string& path) {
    const fs::path stub = stub_of(path);
    std::vector<std::string> shards;
    for (const auto& [backend, shard] : stub_lines(stub)) {
        if ((backend != "auto" && backend != "glass" && backend != "chert") || shard.empty()) {
            return {};
        }
        const fs::path shard_path = shard;
        shards.push_back(
            (shard_path.is_absolute() ? shard_path : stub.parent_path() / shard_path).string());
    }
    return shards;
}

bool has_remote_shards(const std::string& path) {
    const auto lines = stub_lines(stub_of(path));
    return std::any_of(
        lines.begin(), lines.end(), [](const StubLine& line) { return line.backend == "remote"; });
}

TableFiles table_files(const std::string& path) {
    std::vector<std::string> shards = local_shards(path);
    if (shards.empty() && holds_one_database(path)) {
        shards.push_back(path);
    }
    TableFiles files;
    for (const auto& shard : shards) {
        // Compacting replaces every table at once: one stands for all (a stat per request).
        struct stat status {};
        const std::string postlist = (fs::path(shard) / "postlist.glass").string();
        files.inodes.push_back(::stat(postlist.c_str(), &status) == 0 ? status.st_ino : 0);
        const std::string copy = (fs::path(shard) / kCompactedDirName).string();
        files.being_replaced = files.being_replaced || ::stat(copy.c_str(), &status) == 0;
    }
    return files;
}

Error translate(const Xapian::Error& error, const std::string& path) {
    // Xapian::Error is not polymorphic in 1.4: its type name tells the kind.
    const std::string type = error.get_type();
    const std::string what = type + ": " + error.get_msg();
    if (type == "DatabaseLockError") {
        return {ErrorCode::DatabaseLocked,
                "database " + path + " is locked by another indexer",
                "wait for it to finish, or pass --wait to queue behind it"};
    }
    if (type == "DatabaseNotFoundError") {
        return {ErrorCode::DatabaseMissing,
                "no database at " + path,
                "index reports first: gazette-index --db " + path + " corpus/"};
    }
    if (type == "DatabaseVersionError") {
        return {ErrorCode::SchemaMismatch,
                path + " was written by another Xapian version (" + what + ")",
                reindex_hint(path)};
    }
    if (type == "DatabaseOpeningError") {
        return {ErrorCode::DatabaseNotGazette,
                path + " is not a Gazette database (" + what + ")",
                "pass --db with the directory gazette-index wrote"};
    }
    if (type == "DatabaseCorruptError") {
        return {ErrorCode::DatabaseCorrupt,
                "database " + path + " is corrupt (" + what + ")",
                reindex_hint(path)};
    }
    if (type == "NetworkError") {
        return {ErrorCode::DatabaseCorrupt,
                "cannot reach a shard of " + path + " (" + what + ")",
                "check that every xapian-tcpsrv the stub names is running"};
    }
    return {ErrorCode::DatabaseCorrupt,
            "database " + path + ": " + what,
            "check the path, or re-index"};
}

Result<void> check_schema(const Xapian::Database& database, const std::string& path) {
    const std::string version = database.get_metadata(std::string(schema::kVersionKey));
    if (version.empty()) {
        return fail(ErrorCode::DatabaseNotGazette,
                    path + " is a Xapian database but not a Gazette one (no schema version)",
                    "pass --db with the directory gazette-index wrote");
    }
    if (version != std::to_string(schema::kVersion)) {
        return fail(ErrorCode::SchemaMismatch,
                    path + " was built with Gazette schema version " + version +
                        ", this Gazette uses version " + std::to_string(schema::kVersion),
                    reindex_hint(path));
    }
    return {};
}

Result<Xapian::Database> open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return fail(ErrorCode::DatabaseMissing,
                    "no database at " + path,
                    "index reports first: gazette-index --db " + path + " corpus/");
    }
    if (fs::is_directory(path, ec) && !looks_like_xapian_dir(path)) {
        return fail(ErrorCode::DatabaseNotGazette,
                    path + " is not a Gazette database",
                    "pass --db with the directory gazette-index wrote");
    }
    for (int attempt = 1;; ++attempt) {
        try {
            Xapian::Database database(path);
            if (auto ok = check_schema(database, path); !ok) {
                return tl::unexpected(ok.error());
            }
            return database;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= kOpenAttempts) {  // else the indexer committed as we opened: again
                return tl::unexpected(translate(e, path));
            }
        } catch (const Xapian::Error& e) {
            return tl::unexpected(translate(e, path));
        }
    }
}

Result<void> check_writable(const std::string& path) {
    std::error_code ec;
    if (is_nonempty_dir(path) && !looks_like_xapian_dir(path)) {
        return fail(ErrorCode::DatabaseNotGazette,
                    path + " holds other files and is not a Gazette database; not writing there",
                    "pass --db with an empty or new directory");
    }
    if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
        return fail(ErrorCode::DatabaseNotGazette,
                    path + " is a file, not a database directory",
                    "pass --db with a directory (stub files are for searching shards)");
    }
    return {};
}

Commits commits_for(const std::string& path, WriteMode mode) {
    return mode == WriteMode::Rebuild || !holds_one_database(path) ? Commits::Unsynced
                                                                   : Commits::Synced;
}

Result<void> sync_to_disk(const std::string& path) {
    const std::string hint = "check the disk; the last run's reports may need indexing again";
    const auto sync_one = [&hint](const fs::path& file, int flags) -> Result<void> {
        const int fd = ::open(file.c_str(), flags | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            const std::string why = std::strerror(errno);
            if (fd >= 0) {
                ::close(fd);
            }
            return fail(ErrorCode::Io,
                        "cannot make the disk hold " + file.string() + " (" + why + ")",
                        hint);
        }
        ::close(fd);
        return {};
    };
    std::error_code ec;
    for (fs::directory_iterator it(path, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file(ec)) {
            if (auto ok = sync_one(it->path(), O_RDONLY); !ok) {
                return ok;
            }
        }
    }
    if (ec) {
        return fail(ErrorCode::Io, "cannot list " + path + " (" + ec.message() + ")", hint);
    }
    return sync_one(path, O_RDONLY | O_DIRECTORY);
}

Result<Xapian::WritableDatabase> open_for_writing(const std::string& path,
                                                  WriteMode mode,
                                                  Commits commits) {
    std::error_code ec;
    if (auto ok = check_writable(path); !ok) {
        return tl::unexpected(ok.error());
    }
    try {
        fs::create_directories(
            fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path(),
            ec);
        const int flags = (mode == WriteMode::Rebuild ? Xapian::DB_CREATE_OR_OVERWRITE
                                                      : Xapian::DB_CREATE_OR_OPEN) |
                          (commits == Commits::Unsynced ? Xapian::DB_NO_SYNC : 0);
        // Only a new database gets kBlockSize: Xapian keeps an existing one's.
        Xapian::WritableDatabase database(path, flags, kBlockSize);
        const std::string version = database.get_metadata(std::string(schema::kVersionKey));
        if (version.empty() && database.get_doccount() == 0) {
            database.set_metadata(std::string(schema::kVersionKey),
                                  std::to_string(schema::kVersion));
            database.commit();
        } else if (auto ok = check_schema(database, path); !ok) {
            return tl::unexpected(ok.error());
        }
        return database;
    } catch (const Xapian::Error& e) {
        return tl::unexpected(translate(e, path));
    }
}

}  // namespace gazette::db
