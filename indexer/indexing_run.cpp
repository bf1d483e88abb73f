#include "indexer/indexing_run.hpp"

#include "indexer/compaction.hpp"
#include "indexer/database_layout.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/entity_extractor.hpp"
#include "indexer/index_lock.hpp"
#include "indexer/input_units.hpp"
#include "indexer/ordered_pipeline.hpp"
#include "indexer/pipeline.hpp"
#include "indexer/shard_writers.hpp"
#include "indexer/source_walker.hpp"
#include "indexer/unit_preparer.hpp"
#include "indexer/write_stage.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

namespace gazette::indexer {
namespace {

using Clock = std::chrono::steady_clock;

/// Units in flight per reading thread: enough to keep every thread busy while the writer
/// catches up, few enough to bound memory.
constexpr std::size_t kUnitsPerJob = 4;
/// A feed on standard input is committed after this long without a new line, so that what a
/// slow scraper sends shows in searches without waiting for a full batch.
constexpr auto kFeedIdleCommit = std::chrono::seconds(2);
/// How often the writer looks up while it waits for input: progress, stop requests, idle commits.
constexpr auto kIdleTick = std::chrono::milliseconds(250);

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

bool stop_requested(const IndexRunOptions& options) {
    return options.stop != nullptr && options.stop->load();
}

/// Reads, prepares and writes the sources on `jobs` threads, in input order.
/// @return the database error that stopped the run.
Result<void> index_sources(const IndexRunOptions& options,
                           const std::vector<SourceFile>& files,
                           UnitPreparer& preparer,
                           WriteStage& stage,
                           ShardWriters& writers,
                           Clock::time_point started,
                           bool& interrupted) {
    const bool feed_on_stdin =
        std::any_of(files.begin(), files.end(), [](const auto& f) { return f.standard_input; });
    std::uint64_t bytes_total = 0;
    for (const auto& file : files) {
        bytes_total += file.size;
    }
    const std::size_t jobs = std::max<std::size_t>(options.jobs, 1);
    std::optional<Error> error;
    auto last_unit = Clock::now();
    bool idle_committed = true;
    const auto progress = [&] {
        if (options.on_progress) {
            options.on_progress({stage.bytes(),
                                 feed_on_stdin ? 0 : bytes_total,
                                 stage.reports(),
                                 seconds_since(started)});
        }
    };
    writers.start();
    OrderedPipeline<InputUnit, PreparedUnit>(jobs, jobs * kUnitsPerJob)
        .run({
            .produce = [&](const auto& emit,
                           const auto& stopping) { produce_units(files, emit, stopping); },
            .work = [&](InputUnit& unit,
                        std::size_t worker) { return preparer.prepare(unit, worker); },
            .consume =
                [&](PreparedUnit& unit) {
                    if (auto ok = stage.take(unit); !ok) {
                        error = ok.error();
                        return false;
                    }
                    last_unit = Clock::now();
                    idle_committed = false;
                    progress();
                    interrupted = stop_requested(options);
                    return !interrupted;
                },
            .idle =
                [&] {
                    progress();  // the clock runs on while a slow feed or a big file is read
                    interrupted = stop_requested(options);
                    if (!interrupted && feed_on_stdin && !idle_committed &&
                        Clock::now() - last_unit >= kFeedIdleCommit) {
                        idle_committed = true;
                        if (auto ok = writers.commit_pending(); !ok) {
                            error = ok.error();
                            return false;
                        }
                    }
                    return !interrupted;
                },
            .idle_after = kIdleTick,
        });
    auto finished = writers.finish();
    if (error) {
        return tl::unexpected(*error);
    }
    return finished;
}

}  // namespace

Result<IndexSummary> run_indexing(const IndexRunOptions& options,
                                  const std::function<void(const InputProblem&)>& on_problem) {
    const auto started = Clock::now();
    IndexSummary summary;
    const auto report_problem = [&](const InputProblem& problem) {
        ++summary.problems;
        on_problem(problem);
    };

    // Nothing is written (not even the lock file) where a database cannot be.
    if (!existing_layout(options.db_path)) {
        if (auto ok = db::check_writable(options.db_path); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    auto lock = IndexLock::acquire(options.db_path, options.wait, options.stop, [&](long pid) {
        if (options.on_wait) {
            options.on_wait(pid);
        }
    });
    if (!lock) {
        return tl::unexpected(lock.error());
    }
    auto layout = choose_layout(options.db_path, options.shards, options.mode);
    if (!layout) {
        return tl::unexpected(layout.error());
    }
    // A run that stopped while its compacted copy replaced the tables left it half done.
    if (auto ok = finish_compacting(layout->shard_paths()); !ok) {
        return tl::unexpected(ok.error());
    }
    auto writers = ShardWriters::open(*layout, options.mode, options.batch_size);
    if (!writers) {
        return tl::unexpected(writers.error());
    }
    if (auto ok = write_stub(*layout); !ok) {
        return tl::unexpected(ok.error());
    }
    summary.shards = layout->shards;

    for (const auto& id : options.delete_ids) {
        auto removed = writers->remove(id);
        if (!removed) {
            return tl::unexpected(removed.error());
        }
        if (*removed) {
            ++summary.deleted;
        } else {
            report_problem({id, 0, "no report with this id", "nothing deleted"});
        }
    }
    // Committed before reading, so that the readers' view of the database has no deleted report.
    if (auto ok = writers->commit(); !ok) {
        return tl::unexpected(ok.error());
    }

    const CollectedSources sources = collect_sources(options.paths);
    for (const auto& problem : sources.problems) {
        report_problem(problem);
        ++summary.rejected;
    }
    PipelineConfig config;
    if (options.entities) {
        auto extractor = load_entity_extractor(options.gazetteer_path, options.model_path);
        if (!extractor) {
            return tl::unexpected(extractor.error());
        }
        config.entities = std::move(*extractor);
    }
    const ReportPipeline pipeline(std::move(config));
    // Reports are analysed again when the pipeline's inputs change (the gazetteer, the model).
    const std::string pipeline_version =
        std::string(kPipelineVersion) + ";" + pipeline.fingerprint();
    const std::size_t jobs = std::max<std::size_t>(options.jobs, 1);
    UnitPreparer preparer(
        sources.files,
        options.defaults,
        pipeline,
        pipeline_version,
        options.mode == db::WriteMode::Rebuild ? std::vector<std::string>{} : layout->shard_paths(),
        jobs);
    WriteStage stage(*writers, sources.files, preparer, report_problem);
    if (!sources.files.empty()) {
        auto ok = index_sources(
            options, sources.files, preparer, stage, *writers, started, summary.interrupted);
        if (!ok) {
            return tl::unexpected(ok.error());
        }
    }
    if (options.prune && !summary.interrupted) {
        auto pruned = writers->prune([&](std::string_view id_term, std::string_view source) {
            return stage.is_stale(id_term, source);
        });
        if (!pruned) {
            return tl::unexpected(pruned.error());
        }
        summary.pruned = *pruned;
        if (auto ok = writers->commit(); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    summary.added = writers->added();
    summary.replaced = writers->replaced();
    summary.unchanged = stage.unchanged();
    summary.rejected += stage.rejected();
    summary.total = writers->doc_count();
    if (auto ok = writers->close(); !ok) {
        return tl::unexpected(ok.error());
    }
    if (options.compact && !summary.interrupted &&
        worth_compacting(summary.added + summary.replaced, summary.total)) {
        // What was written is committed: a failure here loses nothing, and is one problem line.
        if (options.on_compacting) {
            options.on_compacting(layout->shard_paths().size());
        }
        if (auto ok = compact_in_place(layout->shard_paths(), jobs); ok) {
            summary.compacted = true;
        } else {
            report_problem({options.db_path, 0, ok.error().message, ok.error().hint});
        }
    }
    summary.seconds = seconds_since(started);
    return summary;
}

}  // namespace gazette::indexer
