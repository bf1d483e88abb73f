/// @file
/// The writer's side of a run, on one thread, in input order: passes each unit's problems on,
/// catches ids given twice in the run (the later report is kept), writes changed reports,
/// records moved ones, counts what happened, and remembers what the run read so that --prune
/// can tell a report whose file is gone (or no longer holds it) from one it simply did not read.
#pragma once

#include "indexer/shard_writers.hpp"
#include "indexer/source_walker.hpp"
#include "indexer/unit_preparer.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gazette::indexer {

class WriteStage {
  public:
    WriteStage(ShardWriters& writers,
               const std::vector<SourceFile>& sources,
               const UnitPreparer& preparer,
               std::function<void(const InputProblem&)> on_problem);

    /// Takes the next unit (in input order). @return the database error that stops the run.
    [[nodiscard]] Result<void> take(PreparedUnit& unit);

    /// @return true when --prune should drop the report with this id term and stored source:
    /// never a report this run read; else when its file is gone, or this run read the whole
    /// file without a problem and the report was not in it. Reports from standard input (or of
    /// an unknown file) are kept.
    [[nodiscard]] bool is_stale(std::string_view id_term, std::string_view source);

    [[nodiscard]] std::size_t unchanged() const { return unchanged_; }
    [[nodiscard]] std::size_t rejected() const { return rejected_; }
    [[nodiscard]] std::size_t reports() const { return reports_; }  ///< taken so far
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }    ///< of input taken so far

  private:
    struct Seen {
        std::uint64_t content = 0;  ///< hash of the content hash
        std::size_t source = 0;
        std::size_t line = 0;
    };

    [[nodiscard]] Result<void> take_item(const PreparedUnit& unit, PreparedItem& item);
    [[nodiscard]] std::string where(std::size_t source, std::size_t line) const;

    ShardWriters& writers_;
    const std::vector<SourceFile>& sources_;
    const UnitPreparer& preparer_;
    std::function<void(const InputProblem&)> on_problem_;
    std::unordered_map<std::uint64_t, Seen> seen_;  ///< by a hash of the id term
    std::vector<std::size_t> rejections_;           ///< per source
    std::unordered_set<std::string> clean_files_;   ///< stored paths read whole without a problem
    std::unordered_map<std::string, bool> file_exists_;
    std::size_t unchanged_ = 0;
    std::size_t rejected_ = 0;
    std::size_t reports_ = 0;
    std::uint64_t bytes_ = 0;
};

/// @return the file part of a stored source: "PATH:LINE" of a feed gives PATH.
[[nodiscard]] std::string_view file_of_source(std::string_view source);

}  // namespace gazette::indexer
