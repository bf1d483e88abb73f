/// @file
/// One run of the indexer: take the database (lock, layout, shards), delete what is asked,
/// read, clean, extract and write the sources on several threads, prune, and count what
/// happened. Every problem with one input is reported and the run goes on.
#pragma once

#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/readers/reader.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gazette::indexer {

/// How far a run has got, for a progress bar.
struct IndexProgress {
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;  ///< 0 when unknown (standard input)
    std::size_t reports = 0;        ///< reports (and rejected inputs) handled so far
    double seconds = 0;
};

struct IndexRunOptions {
    std::string db_path;
    db::WriteMode mode = db::WriteMode::CreateOrOpen;
    /// Reports per commit (per shard): what a crash loses at most. Small batches also keep
    /// Xapian's write path fast and its memory low (BENCHMARKS.md).
    std::size_t batch_size = 250;
    std::size_t jobs = 1;    ///< threads that read, clean, extract and build
    std::size_t shards = 0;  ///< 0: as the database has them (one for a new database)
    bool prune = false;      ///< drop reports whose file is gone (see WriteStage)
    bool wait = false;       ///< wait for another indexer instead of failing
    ReportDefaults defaults;
    std::vector<std::string> paths;       ///< files and directories to index; "-" is stdin
    std::vector<std::string> delete_ids;  ///< reports to delete
    bool entities = true;                 ///< extract entities (--no-entities turns it off)
    /// Compact the shards after a run that wrote a quarter of their reports or more
    /// (compaction.hpp); --no-compact turns it off.
    bool compact = true;
    std::string gazetteer_path;  ///< --entities; empty: the default gazetteer
    std::string model_path;      ///< --model; empty: the built-in tagger model
    /// When set (by a signal handler), the run stops early; what it wrote is committed.
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const IndexProgress&)> on_progress;  ///< after each unit of input
    std::function<void(long pid)> on_wait;                  ///< before waiting for another indexer
    std::function<void(std::size_t shards)> on_compacting;  ///< before compacting the shards
};

/// What a run did.
struct IndexSummary {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;   ///< by --delete
    std::size_t pruned = 0;    ///< by --prune
    std::size_t rejected = 0;  ///< reports (or JSONL lines, or files) that could not be indexed
    std::size_t problems = 0;  ///< problem lines reported, rejected ones included
    double seconds = 0;
    std::size_t total = 0;  ///< reports in the database afterwards
    std::size_t shards = 1;
    bool interrupted = false;  ///< stopped early by `stop`
    bool compacted = false;    ///< the shards were compacted after writing (compaction.hpp)
};

/// Runs the indexer. Problems with single inputs go to `on_problem` and the run goes on; what
/// was written is committed even when some inputs failed.
/// @return the summary, or the database error that stopped the run.
[[nodiscard]] Result<IndexSummary> run_indexing(
    const IndexRunOptions& options, const std::function<void(const InputProblem&)>& on_problem);

}  // namespace gazette::indexer
