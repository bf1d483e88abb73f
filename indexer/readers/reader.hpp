/// @file
/// Readers turn the bytes of one input (a text file with front matter, a JSONL feed, an HTML
/// page) into Reports. They are pure functions of their input: no Xapian, no file system.
#pragma once

#include "common/report.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::indexer {

/// Metadata given on the command line, used where an input carries none.
struct ReportDefaults {
    std::string outlet;
    std::string author;
    std::string language;
    std::optional<CalendarDate> date;
};

/// The reports read from one input, and what was wrong with it.
struct ReadResult {
    std::vector<Report> reports;
    std::vector<InputProblem> problems;  ///< each names the source (and line) and what was done
    std::size_t rejected = 0;            ///< reports (or lines) that could not be read at all
};

/// Input formats, told by file extension.
enum class Format { Text, Jsonl, Html, Unknown };

/// @return the format of a file name: .txt/.md/.markdown/.text, .jsonl/.ndjson, .html/.htm.
[[nodiscard]] Format format_of(std::string_view file_name);

/// Reads a .txt or .md report: an optional front-matter block (YAML between `---` lines: id,
/// title, outlet, date, author, url, language), then the text. The id is the front-matter id,
/// else the file name without its extension.
[[nodiscard]] ReadResult read_text(std::string_view source,
                                   std::string_view content,
                                   const ReportDefaults& defaults);

/// Reads JSON Lines: one report a line with id, title, outlet (or source), date, author (or
/// authors), url, and body (or text, content, content_original). A bad line is a problem naming
/// its line number (counted from `first_line`, for a piece of a longer feed); the other lines
/// are read.
[[nodiscard]] ReadResult read_jsonl(std::string_view source,
                                    std::string_view content,
                                    const ReportDefaults& defaults,
                                    std::size_t first_line = 1);

/// Reads an HTML page with a real HTML parser: text from the article (or main, or body) without
/// scripts, navigation and page furniture; title, outlet, author, date and url from the page's
/// metadata (Open Graph, article:*, JSON-LD, <time>, canonical link).
[[nodiscard]] ReadResult read_html(std::string_view source,
                                   std::string_view content,
                                   const ReportDefaults& defaults);

/// @return the id a file gives its report when nothing else does: its name without extension.
[[nodiscard]] std::string id_from_file_name(std::string_view source);

/// Fills what a report lacks from the defaults, and the id from the file name.
void apply_defaults(Report& report, const ReportDefaults& defaults);

/// Cuts a body longer than schema::kMaxBodyBytes at the last paragraph break before the limit
/// (or the last whole character). @return the warning to give, when it was cut.
[[nodiscard]] std::optional<InputProblem> limit_body(Report& report,
                                                     std::string_view source,
                                                     std::size_t line);

}  // namespace gazette::indexer
