/// @file
/// How a report is stored in its document: what a hit shows (every field but the body) as a
/// binary record in a value slot, the body as the document data; and the content hash that tells
/// the indexer whether a report changed since it was indexed.
#pragma once

#include "common/error.hpp"
#include "common/report.hpp"

#include <xapian.h>

#include <string>
#include <string_view>

namespace gazette {

/// Whether load_report() reads the body. Xapian inflates a document's data whole, and the body is
/// most of it: a hit without a snippet has no use for it.
enum class WithBody : bool { No, Yes };

/// Stores `report` in `doc`: the record (serialise_record) in slot Slot::Record, the body as the
/// data.
void store_report(const Report& report, Xapian::Document& doc);

/// @return the report stored in `doc` by store_report(), or by the versions before it (its
/// fields as JSON, a NUL, then the body, all in the data); ErrorCode::DatabaseCorrupt when it
/// is neither.
[[nodiscard]] Result<Report> load_report(const Xapian::Document& doc, WithBody with_body);

/// @return every field of `report` but the body: "GZR3", then length-prefixed fields.
[[nodiscard]] std::string serialise_record(const Report& report);

/// @return the report a record holds (its body empty); ErrorCode::DatabaseCorrupt when the
/// record is not one serialise_record() wrote, whole.
[[nodiscard]] Result<Report> parse_record(std::string_view record);

/// @return a hex hash of everything a report indexes as (metadata and text) and of `pipeline`
/// (the version of the code that turns reports into documents), so that an unchanged report can
/// be skipped without being analysed again, and a changed pipeline re-analyses everything.
[[nodiscard]] std::string content_hash(const Report& report, std::string_view pipeline);

}  // namespace gazette
