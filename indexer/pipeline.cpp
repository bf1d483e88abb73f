#include "indexer/pipeline.hpp"

#include "indexer/cleaner.hpp"
#include "indexer/date_extractor.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/near_duplicates.hpp"

namespace gazette::indexer {

PreparedReport ReportPipeline::prepare(Report raw,
                                       const std::string& hash,
                                       text::Analyzer& analyzer) const {
    CleanResult cleaned = clean_report(std::move(raw));
    if (config_.entities) {
        cleaned.report.entities = config_.entities->extract(cleaned.report);
    }
    // Extract: the dates the text mentions, resolved against the (now final) publication date.
    cleaned.report.mentioned_dates =
        extract_mentioned_dates(cleaned.report.body, cleaned.report.date);
    PreparedReport prepared;
    prepared.id = cleaned.report.id;
    prepared.document = build_document(cleaned.report, hash, analyzer);
    add_story_signature(prepared.document, cleaned.report);
    return prepared;
}

std::string ReportPipeline::fingerprint() const {
    return config_.entities ? "entities;" + config_.entities->fingerprint() : "no-entities";
}

}  // namespace gazette::indexer
