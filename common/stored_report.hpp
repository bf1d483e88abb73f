/// @file
/// What a document's data holds: the report as the searcher shows it (a binary record), and the
/// content hash that tells the indexer whether a report changed since it was indexed.
#pragma once

#include "common/error.hpp"
#include "common/report.hpp"

#include <string>

namespace gazette {

/// @return the report serialised for Xapian::Document::set_data(): "GZR2", its metadata as
/// length-prefixed fields, then the body as it is.
[[nodiscard]] std::string serialise_report(const Report& report);

/// @return the report read back from document data (also the JSON record that versions before
/// "GZR2" wrote); ErrorCode::DatabaseCorrupt when the data is neither.
[[nodiscard]] Result<Report> parse_report(const std::string& data);

/// @return a hex hash of everything a report indexes as (metadata and text) and of `pipeline`
/// (the version of the code that turns reports into documents), so that an unchanged report can
/// be skipped without being analysed again, and a changed pipeline re-analyses everything.
[[nodiscard]] std::string content_hash(const Report& report, std::string_view pipeline);

}  // namespace gazette
