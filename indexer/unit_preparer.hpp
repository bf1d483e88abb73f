/// @file
/// What a reading thread does with a unit of input: read its reports (decoding the bytes), cut
/// bodies over the size limit, hash each report, skip those the database holds unchanged, and
/// prepare the rest (ReportPipeline::prepare: clean, extract, build) for the writer.
#pragma once

#include "indexer/existing_reports.hpp"
#include "indexer/input_units.hpp"
#include "indexer/pipeline.hpp"
#include "indexer/readers/reader.hpp"

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace gazette::indexer {

/// One report of a unit, as the writer gets it.
struct PreparedItem {
    enum class State {
        Changed,    ///< new or changed: `document` is ready to write
        Unchanged,  ///< the database holds it, same content, same source
        Moved,      ///< the database holds it with the same content but from another source
    };
    State state = State::Changed;
    std::string id;
    std::string hash;    ///< content hash
    std::string source;  ///< what the database records as its source
    std::size_t line = 0;
    Xapian::Document document;
    /// The report itself when not prepared: a later duplicate of its id may need it written.
    std::optional<Report> report;
};

/// A unit after reading and preparing.
struct PreparedUnit {
    std::size_t source = 0;
    bool last = true;
    std::uint64_t bytes = 0;
    std::vector<InputProblem> problems;
    std::size_t rejected = 0;
    std::vector<PreparedItem> items;
};

class UnitPreparer {
  public:
    /// @param pipeline_version salts each report's content hash (kPipelineVersion and what
    /// else the pipeline's output depends on: ReportPipeline::fingerprint()).
    /// @param existing_shards the databases to look for unchanged reports in (empty: none).
    /// @param workers how many threads will call prepare().
    UnitPreparer(const std::vector<SourceFile>& sources,
                 const ReportDefaults& defaults,
                 const ReportPipeline& pipeline,
                 std::string pipeline_version,
                 const std::vector<std::string>& existing_shards,
                 std::size_t workers);

    /// Reads and prepares a unit. Thread-safe for distinct `worker` numbers.
    [[nodiscard]] PreparedUnit prepare(InputUnit& unit, std::size_t worker);

    /// Prepares one report on the calling thread (the writer's, for a duplicate id).
    [[nodiscard]] Xapian::Document prepare_now(Report report, const std::string& hash) const;

  private:
    /// Reads the lines of a feed unit; `report_lines` gets the line of each report read.
    [[nodiscard]] ReadResult read_lines(const SourceFile& file,
                                        InputUnit& unit,
                                        std::vector<std::size_t>& report_lines) const;

    const std::vector<SourceFile>& sources_;
    const ReportDefaults& defaults_;
    const ReportPipeline& pipeline_;
    std::string pipeline_version_;
    std::vector<ExistingReports> existing_;  ///< one view per worker
};

}  // namespace gazette::indexer
