#include "indexer/pipeline.hpp"

#include "indexer/cleaner.hpp"
#include "indexer/document_builder.hpp"

namespace gazette::indexer {

PreparedReport ReportPipeline::prepare(Report raw,
                                       const std::string& hash,
                                       text::Analyzer& analyzer) const {
    CleanResult cleaned = clean_report(std::move(raw));
    if (config_.entities) {
        cleaned.report.entities = config_.entities->extract(cleaned.report);
    }
    PreparedReport prepared;
    prepared.id = cleaned.report.id;
    prepared.document = build_document(cleaned.report, hash, analyzer);
    return prepared;
}

std::string ReportPipeline::fingerprint() const {
    return config_.entities ? "entities;" + config_.entities->fingerprint() : "no-entities";
}

}  // namespace gazette::indexer
