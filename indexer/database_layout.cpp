#include "indexer/database_layout.hpp"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gazette::indexer {
namespace fs = std::filesystem;
namespace {

std::string shard_name(std::size_t k) {
    return "shard-" + std::to_string(k);
}

bool is_xapian_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec) ||
           fs::exists(dir / "iamhoney", ec);
}

/// @return how many shards a stub lists (its `auto shard-K` lines).
std::size_t shards_in_stub(const fs::path& stub) {
    std::ifstream in(stub);
    std::size_t count = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("auto shard-", 0) == 0) {
            ++count;
        }
    }
    return count;
}

}  // namespace

std::vector<std::string> DatabaseLayout::shard_paths() const {
    if (shards <= 1) {
        return {root};
    }
    std::vector<std::string> paths;
    for (std::size_t k = 0; k < shards; ++k) {
        paths.push_back((fs::path(root) / shard_name(k)).string());
    }
    return paths;
}

std::optional<DatabaseLayout> existing_layout(const std::string& root) {
    std::error_code ec;
    const fs::path dir(root);
    if (!fs::is_directory(dir, ec)) {
        return std::nullopt;
    }
    if (fs::exists(dir / db::kStubFileName, ec)) {
        if (const std::size_t n = shards_in_stub(dir / db::kStubFileName); n > 0) {
            return DatabaseLayout{root, n};
        }
    }
    // Shards without a stub: a first run stopped between creating them and writing the stub.
    std::size_t n = 0;
    while (fs::is_directory(dir / shard_name(n), ec)) {
        ++n;
    }
    if (n > 0) {
        return DatabaseLayout{root, n};
    }
    if (is_xapian_dir(dir)) {
        return DatabaseLayout{root, 1};
    }
    return std::nullopt;
}

Result<DatabaseLayout> choose_layout(const std::string& root,
                                     std::size_t requested_shards,
                                     db::WriteMode mode) {
    const auto existing = existing_layout(root);
    if (!existing) {
        return DatabaseLayout{root, std::max<std::size_t>(requested_shards, 1)};
    }
    const std::size_t have = existing->shards;
    if (requested_shards == 0 || requested_shards == have) {
        return *existing;
    }
    if (have == 1 || requested_shards == 1) {
        return fail(ErrorCode::Usage,
                    root + (have == 1 ? " is one database, not shards"
                                      : " holds " + std::to_string(have) + " shards"),
                    "to change that, index into a new --db directory");
    }
    if (mode != db::WriteMode::Rebuild) {
        return fail(ErrorCode::Usage,
                    root + " holds " + std::to_string(have) + " shards, not " +
                        std::to_string(requested_shards),
                    "reports are placed by a hash of their id: keep --shards " +
                        std::to_string(have) + ", or re-shard with --rebuild --shards " +
                        std::to_string(requested_shards) + " PATH...");
    }
    return DatabaseLayout{root, requested_shards};
}

Result<void> write_stub(const DatabaseLayout& layout) {
    if (layout.shards <= 1) {
        return {};
    }
    const fs::path dir(layout.root);
    std::ostringstream stub;
    for (std::size_t k = 0; k < layout.shards; ++k) {
        stub << "auto " << shard_name(k) << '\n';
    }
    const fs::path target = dir / db::kStubFileName;
    const fs::path temporary = dir / (std::string(db::kStubFileName) + ".new");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << stub.str();
        if (!out.flush()) {
            return fail(ErrorCode::Io,
                        "cannot write " + temporary.string(),
                        "check the permissions of " + layout.root);
        }
    }
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) {
        return fail(ErrorCode::Io, "cannot write " + target.string() + " (" + ec.message() + ")");
    }
    // Shards past the count are left by a rebuild with fewer shards: their reports were dropped.
    for (std::size_t k = layout.shards; fs::is_directory(dir / shard_name(k), ec); ++k) {
        fs::remove_all(dir / shard_name(k), ec);
    }
    return {};
}

std::size_t shard_of(std::string_view id, std::size_t shards) {
    if (shards <= 1) {
        return 0;
    }
    return static_cast<std::size_t>(XXH3_64bits(id.data(), id.size()) % shards);
}

}  // namespace gazette::indexer
