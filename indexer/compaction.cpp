#include "indexer/compaction.hpp"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <future>
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

/// Moves the compacted copy at `copy` over the database at `path`: the tables first, the
/// version file (iamglass) last, then the old tables the copy has not (empty ones).
Result<void> replace_with(const std::string& path, const std::string& copy) {
    std::error_code ec;
    std::set<std::string> moved;
    const auto move = [&](const fs::path& from) {
        const std::string name = from.filename().string();
        fs::rename(from, fs::path(path) / name, ec);
        moved.insert(name);
        return !ec;
    };
    for (const auto& entry : fs::directory_iterator(copy, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0 &&
            !move(entry.path())) {
            return tl::unexpected(io_error(path, "moving " + name + ": " + ec.message()));
        }
    }
    if (ec) {
        return tl::unexpected(io_error(copy, ec.message()));
    }
    if (!move(fs::path(copy) / "iamglass")) {
        return tl::unexpected(io_error(path, "moving iamglass: " + ec.message()));
    }
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0 &&
            moved.count(name) == 0) {
            fs::remove(entry.path(), ec);
        }
    }
    fs::remove_all(copy, ec);
    return {};
}

Result<void> compact_one(const std::string& path) {
    // Inside the database's own directory: its owner may not write the one above it.
    const std::string copy = (fs::path(path) / "compacting").string();
    std::error_code ec;
    fs::remove_all(copy, ec);  // left by a run that stopped while compacting
    try {
        Xapian::Database(path).compact(copy, Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
        fs::remove_all(copy, ec);
        return tl::unexpected(io_error(path, std::string(e.get_type()) + ": " + e.get_msg()));
    }
    return replace_with(path, copy);
}

}  // namespace

bool worth_compacting(std::size_t written, std::size_t total) {
    return written > 0 && written * 4 >= total;
}

Result<void> compact_in_place(const std::vector<std::string>& paths, std::size_t jobs) {
    jobs = std::max<std::size_t>(jobs, 1);
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
