/// @file
/// Everything between reading a report and writing it: clean, extract, build. Pure and
/// thread-safe given a per-thread analyser, so that several threads can prepare reports while
/// one writes them.
#pragma once

#include "common/report.hpp"
#include "common/text/analyzer.hpp"
#include "indexer/entity_extractor.hpp"

#include <xapian.h>

#include <memory>
#include <string>

namespace gazette::indexer {

/// A report ready to write.
struct PreparedReport {
    std::string id;
    Xapian::Document document;
};

/// What a pipeline needs besides the report. Shared read-only between threads.
struct PipelineConfig {
    /// Names the entities of each report; none: reports are indexed without entities.
    std::shared_ptr<const EntityExtractor> entities;
};

class ReportPipeline {
  public:
    explicit ReportPipeline(PipelineConfig config) : config_(std::move(config)) {}

    /// Cleans `raw`, extracts what it names, and builds its document; `hash` is the content hash
    /// of `raw`, stored so that the next run can skip it when unchanged.
    [[nodiscard]] PreparedReport prepare(Report raw,
                                         const std::string& hash,
                                         text::Analyzer& analyzer) const;

    /// @return what the output depends on besides the report and the code (the model and the
    /// gazetteer): salt for each report's content hash, so that changing them re-indexes.
    [[nodiscard]] std::string fingerprint() const;

  private:
    PipelineConfig config_;
};

}  // namespace gazette::indexer
