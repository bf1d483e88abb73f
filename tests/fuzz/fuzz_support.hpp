/// @file
/// What the reader fuzz targets share: the bytes decoded as the indexer decodes a file, and each
/// report read run through the whole per-report stage (clean, extract entities, build), as
/// indexing does.
#pragma once

#include "common/stored_report.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/entity_extractor.hpp"
#include "indexer/pipeline.hpp"
#include "indexer/readers/reader.hpp"
#include "indexer/text_decoding.hpp"

#include <cstdint>
#include <string>

namespace gazette::fuzz {

/// @return the fuzzer's bytes as text the way the indexer decodes a file (nothing when binary).
inline std::optional<std::string> decoded(const std::uint8_t* data,
                                          std::size_t size,
                                          std::string_view source,
                                          std::size_t line = 0) {
    std::vector<InputProblem> problems;
    return indexer::decode_text(
        std::string(reinterpret_cast<const char*>(data), size), {source, line, 0}, problems);
}

/// @return the indexer's per-report stage with entity extraction (the shipped gazetteer, the
/// built-in tagger model), as gazette-index runs it by default.
inline const indexer::ReportPipeline& pipeline() {
    static const indexer::ReportPipeline instance = [] {
        indexer::PipelineConfig config;
        auto extractor =
            indexer::load_entity_extractor(GAZETTE_SOURCE_DIR "/corpus/entities.tsv", "");
        if (!extractor) {
            __builtin_trap();  // the fuzz target would test less than it says
        }
        config.entities = std::move(*extractor);
        return indexer::ReportPipeline(std::move(config));
    }();
    return instance;
}

/// Cuts, hashes and prepares every report read, as a reading thread of the indexer does.
inline void prepare_all(indexer::ReadResult& read, std::string_view source) {
    for (auto& report : read.reports) {
        (void)indexer::limit_body(report, source, 0);
        const std::string hash = content_hash(report, indexer::kPipelineVersion);
        const auto prepared = pipeline().prepare(std::move(report), hash, text::thread_analyzer());
        // The stored report must read back: the searcher parses it for every hit.
        if (!load_report(prepared.document, WithBody::Yes)) {
            __builtin_trap();
        }
    }
}

}  // namespace gazette::fuzz
