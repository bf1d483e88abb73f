/// @file
/// Turns a cleaned Report into the Xapian document the searcher expects: the only indexer code
/// that knows the schema's terms and slots.
#pragma once

#include "common/report.hpp"
#include "common/text/analyzer.hpp"

#include <xapian.h>

#include <string>
#include <string_view>

namespace gazette::indexer {

/// The version of everything between reading and writing (cleaner, analyser, builder). It is
/// part of each report's content hash: bump it when their output changes, and the next run
/// re-indexes reports whose files did not change.
inline constexpr std::string_view kPipelineVersion = "gazette-pipeline-7";

/// Builds the document of a cleaned report: title words (prefix S) and body words with
/// positions, their stems (Z), outlet, author and date as boolean terms and value slots, the
/// entities and mentioned dates as boolean terms and facet slots, the unique id term, the most
/// used body stems for feedback (common/body_stems.hpp), and the stored report for display and
/// snippets.
[[nodiscard]] Xapian::Document build_document(const Report& report,
                                              const std::string& hash,
                                              text::Analyzer& analyzer);

/// @return the unique id term of a report id.
[[nodiscard]] std::string id_term(std::string_view id);

}  // namespace gazette::indexer
