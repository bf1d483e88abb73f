#include "indexer/indexing_run.hpp"

#include "common/stored_report.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/pipeline.hpp"
#include "indexer/source_walker.hpp"

#include <chrono>
#include <unordered_set>

namespace gazette::indexer {

Result<IndexSummary> run_indexing(const IndexRunOptions& options,
                                  const std::function<void(const InputProblem&)>& on_problem) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    auto writer = IndexWriter::open(options.db_path, options.mode, options.batch_size);
    if (!writer) {
        return tl::unexpected(writer.error());
    }
    const auto report_problem = [&](const InputProblem& problem) {
        ++summary.problems;
        on_problem(problem);
    };

    for (const auto& id : options.delete_ids) {
        auto removed = writer->remove(id);
        if (!removed) {
            return tl::unexpected(removed.error());
        }
        if (*removed) {
            ++summary.deleted;
        } else {
            report_problem({id, 0, "no report with this id", "nothing deleted"});
        }
    }

    const CollectedSources sources = collect_sources(options.paths);
    for (const auto& problem : sources.problems) {
        report_problem(problem);
        ++summary.rejected;
    }
    text::Analyzer& analyzer = text::thread_analyzer();
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
    std::unordered_set<std::string> seen_ids;
    for (const auto& file : sources.files) {
        ReadResult read = read_source(file, options.defaults);
        summary.rejected += read.rejected;
        for (const auto& problem : read.problems) {
            report_problem(problem);
        }
        for (auto& report : read.reports) {
            if (!seen_ids.insert(report.id).second) {
                report_problem(
                    {report.source,
                     0,
                     "id '" + report.id + "' appears twice in this run",
                     "the later report replaces the earlier; give each report its own id"});
            }
            const std::string hash = content_hash(report, pipeline_version);
            if (writer->is_unchanged(report.id, hash)) {
                ++summary.unchanged;
                continue;
            }
            const PreparedReport prepared = pipeline.prepare(std::move(report), hash, analyzer);
            auto outcome = writer->write(prepared.id, prepared.document);
            if (!outcome) {
                return tl::unexpected(outcome.error());
            }
            ++(*outcome == IndexWriter::Outcome::Added ? summary.added : summary.replaced);
        }
    }
    if (auto ok = writer->commit(); !ok) {
        return tl::unexpected(ok.error());
    }
    summary.total = writer->doc_count();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace gazette::indexer
