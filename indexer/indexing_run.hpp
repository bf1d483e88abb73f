/// @file
/// One run of the indexer: collect the sources, read, skip what is unchanged, clean, build and
/// write each report, report every problem, and count what happened.
#pragma once

#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/readers/reader.hpp"

#include <functional>
#include <string>
#include <vector>

namespace gazette::indexer {

struct IndexRunOptions {
    std::string db_path;
    db::WriteMode mode = db::WriteMode::CreateOrOpen;
    std::size_t batch_size = 1000;
    ReportDefaults defaults;
    std::vector<std::string> paths;       ///< files and directories to index
    std::vector<std::string> delete_ids;  ///< reports to delete
    bool entities = true;                 ///< extract entities (--no-entities turns it off)
    std::string gazetteer_path;           ///< --entities; empty: the default gazetteer
    std::string model_path;               ///< --model; empty: the built-in tagger model
};

/// What a run did.
struct IndexSummary {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t rejected = 0;  ///< reports (or JSONL lines, or files) that could not be indexed
    std::size_t problems = 0;  ///< problem lines reported, rejected ones included
    double seconds = 0;
    std::size_t total = 0;  ///< reports in the database afterwards
};

/// Runs the indexer. Problems with single inputs go to `on_problem` and the run goes on; what
/// was written is committed even when some inputs failed.
/// @return the summary, or the database error that stopped the run.
[[nodiscard]] Result<IndexSummary> run_indexing(
    const IndexRunOptions& options, const std::function<void(const InputProblem&)>& on_problem);

}  // namespace gazette::indexer
