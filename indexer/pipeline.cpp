#include "indexer/pipeline.hpp"

#include "indexer/cleaner.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/near_duplicates.hpp"

namespace gazette::indexer {

PreparedReport ReportPipeline::prepare(Report raw,
                                       const std::string& hash,
                                       text::Analyzer& analyzer) const {
    CleanResult cleaned = clean_report(std::move(raw));
    PreparedReport prepared;
    prepared.id = cleaned.report.id;
    prepared.document = build_document(cleaned.report, hash, analyzer);
    add_story_signature(prepared.document, cleaned.report);
    return prepared;
}

}  // namespace gazette::indexer
