/// @file
/// Search results as CSV (RFC 4180) for review in a spreadsheet: what `gazette-search --format
/// csv` prints and gazette-serve's /api/export.csv returns.
#pragma once

#include "searcher/searcher.hpp"

#include <string>
#include <string_view>

namespace gazette::search {

/// The header row's columns, in order.
inline constexpr std::string_view kCsvHeader = "id,outlet,date,title,url,snippet";

/// @return a header line and one line per hit (id, outlet, date, title, url, snippet as plain
/// text), CRLF line ends, fields quoted when they hold a comma, quote or line break.
[[nodiscard]] std::string to_csv(const SearchResponse& response);

/// @return one CSV field: quoted (quotes doubled) when it holds a comma, quote, CR or LF. A value
/// that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed
/// with an apostrophe, so that a report cannot plant a formula in the analyst's sheet.
[[nodiscard]] std::string csv_field(std::string_view value);

}  // namespace gazette::search
