#include "indexer/compaction.hpp"

#include "common/database.hpp"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <limits>
#include <set>
#include <system_error>

namespace gazette::indexer {
namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& path, const std::string& what) {
    return {ErrorCode::Io,
            "compacting " + path + " failed: " + what,
            "the database is as the run left it, and searches work; free disk space, or run "
            "xapian-compact on it, to make it compact"};
}

/// Lists the tables of the finished copy in `dir`, its manifest: moving them over is then
/// resumable (finish_compacting), and the shard's tables the copy has not (empty ones) known.
constexpr const char* kManifestName = "tables";

bool is_table(const fs::path& file) {
    return file.extension() == ".glass";
}

/// Writes the manifest of the finished copy at `copy`. @return false when it cannot.
bool write_manifest(const fs::path& copy) {
    std::error_code ec;
    std::ofstream manifest(copy / kManifestName);
    for (const auto& entry : fs::directory_iterator(copy, ec)) {
        if (is_table(entry.path())) {
            manifest << entry.path().filename().string() << '\n';
        }
    }
    manifest.flush();
    return !ec && manifest.good();
}

std::set<std::string> read_manifest(const fs::path& copy) {
    std::ifstream manifest(copy / kManifestName);
    std::set<std::string> tables;
    for (std::string name; std::getline(manifest, name);) {
        tables.insert(name);
    }
    return tables;
}

/// Moves the finished copy in `shard`/compacted over the shard's tables: the tables the copy has
/// not go, then its tables come, the version file (iamglass) last, then the copy's directory
/// goes. Run again after it stopped halfway, it does the rest.
Result<void> move_copy_over(const fs::path& shard) {
    const fs::path copy = shard / db::kCompactedDirName;
    const std::set<std::string> tables = read_manifest(copy);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(shard, ec)) {
        const std::string name = entry.path().filename().string();
        if (is_table(entry.path()) && tables.count(name) == 0 && !fs::remove(entry.path(), ec)) {
            return tl::unexpected(io_error(shard, "removing " + name + ": " + ec.message()));
        }
    }
    if (ec) {
        return tl::unexpected(io_error(shard, ec.message()));
    }
    const auto move = [&](const std::string& name) -> Result<void> {
        if (!fs::exists(copy / name, ec)) {
            return {};  // moved before the run stopped
        }
        fs::rename(copy / name, shard / name, ec);
        if (ec) {
            return tl::unexpected(io_error(shard, "moving " + name + ": " + ec.message()));
        }
        return {};
    };
    for (const auto& table : tables) {
        if (auto moved = move(table); !moved) {
            return moved;
        }
    }
    if (auto moved = move("iamglass"); !moved) {
        return moved;
    }
    fs::remove_all(copy, ec);
    return {};
}

Result<void> compact_one(const std::string& path) {
    if (auto copied = prepare_compacted_copy(path); !copied) {
        return copied;
    }
    return move_copy_over(path);
}

}  // namespace

Result<void> prepare_compacted_copy(const std::string& path) {
    // Inside the database's own directory: its owner may not write the one above it.
    const fs::path copy = fs::path(path) / db::kCompactingDirName;
    std::error_code ec;
    fs::remove_all(copy, ec);  // left by a run that stopped while compacting
    try {
        // Xapian would write 8 KB blocks: a compacted database keeps the block size it was made
        // with.
        Xapian::Database(path).compact(
            copy.string(), Xapian::DBCOMPACT_NO_RENUMBER, db::kBlockSize);
    } catch (const Xapian::Error& e) {
        fs::remove_all(copy, ec);
        return tl::unexpected(io_error(path, std::string(e.get_type()) + ": " + e.get_msg()));
    }
    // Renamed when finished: readers keep their open tables while "compacted" is there.
    if (!write_manifest(copy)) {
        fs::remove_all(copy, ec);
        return tl::unexpected(io_error(path, "writing the list of compacted tables"));
    }
    fs::rename(copy, fs::path(path) / db::kCompactedDirName, ec);
    if (ec) {
        fs::remove_all(copy, ec);
        return tl::unexpected(io_error(path, "renaming the compacted copy: " + ec.message()));
    }
    return {};
}

Result<void> finish_compacting(const std::vector<std::string>& paths) {
    std::error_code ec;
    for (const auto& path : paths) {
        if (fs::exists(fs::path(path) / db::kCompactedDirName, ec)) {
            if (auto moved = move_copy_over(path); !moved) {
                return moved;
            }
        }
        fs::remove_all(fs::path(path) / db::kCompactingDirName, ec);  // an unfinished copy
    }
    return {};
}

bool worth_compacting(std::size_t written, std::size_t total) {
    return written > 0 && written * 4 >= total;
}

Result<void> check_room_to_compact(const std::vector<std::string>& paths,
                                   std::uintmax_t available) {
    // A compacted copy is at most as big as its database's tables, and the copies of shards
    // compacted at once are on the disk together; the old tables go only after the copy is in.
    std::uintmax_t needed = 0;
    std::error_code ec;
    for (const auto& path : paths) {
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (is_table(entry.path())) {
                needed += entry.file_size(ec);
            }
        }
    }
    if (needed <= available) {
        return {};
    }
    const auto megabytes = [](std::uintmax_t bytes) {
        return std::to_string((bytes + 999'999) / 1'000'000) + " MB";
    };
    return tl::unexpected(Error{
        ErrorCode::Io,
        "not compacted: the compacted copies need up to " + megabytes(needed) +
            " and the disk has " + megabytes(available) + " free",
        "the database is as the run left it, and searches work; free disk space and index again, "
        "or pass --no-compact"});
}

Result<void> compact_in_place(const std::vector<std::string>& paths, std::size_t jobs) {
    jobs = std::max<std::size_t>(jobs, 1);
    std::uintmax_t available = std::numeric_limits<std::uintmax_t>::max();
    for (const auto& path : paths) {
        std::error_code ec;
        const fs::space_info space = fs::space(path, ec);
        if (!ec) {
            available = std::min(available, space.available);
        }
    }
    if (auto room = check_room_to_compact(paths, available); !room) {
        return room;
    }
    std::vector<Result<void>> results(paths.size());
    for (std::size_t first = 0; first < paths.size(); first += jobs) {
        const std::size_t last = std::min(paths.size(), first + jobs);
        std::vector<std::future<Result<void>>> running;
        for (std::size_t k = first + 1; k < last; ++k) {
            running.push_back(std::async(std::launch::async, compact_one, paths[k]));
        }
        results[first] = compact_one(paths[first]);
        for (std::size_t k = first + 1; k < last; ++k) {
            results[k] = running[k - first - 1].get();
        }
    }
    for (auto& result : results) {
        if (!result) {
            return result;
        }
    }
    return {};
}

}  // namespace gazette::indexer
