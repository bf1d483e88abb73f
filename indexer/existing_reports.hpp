/// @file
/// What the database already holds, looked up by the reading threads before they analyse a
/// report: an unchanged report (same content hash) is skipped without being analysed again.
/// Each thread has its own read-only view, so lookups never wait for the writer.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace gazette::indexer {

class ExistingReports {
  public:
    /// @param shard_paths the databases to look in; empty for a new or rebuilt database.
    explicit ExistingReports(std::vector<std::string> shard_paths)
        : shard_paths_(std::move(shard_paths)) {}

    /// What the database records of a report.
    struct Entry {
        std::string hash;    ///< content hash
        std::string source;  ///< stored source
    };

    /// @return the entry of report `id`, or nothing when the database has none. The view is
    /// refreshed when the writer's commits overtake it; lookup failures count as "none", so the
    /// report is analysed and written again (replacing by id, never duplicating).
    [[nodiscard]] std::optional<Entry> find(const std::string& id);

  private:
    std::vector<std::string> shard_paths_;
    std::optional<Xapian::Database> database_;
};

}  // namespace gazette::indexer
