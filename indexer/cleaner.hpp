/// @file
/// The cleaner removes site chrome from a report's text before indexing: calls to action
/// ("JOIN US ON TELEGRAM", "Support us on Patreon", "You can also highlight the text and press
/// Ctrl + Enter"), reading times, crawl-date and dateline lines, glued bylines, repeated
/// headlines, photo captions and links to other stories between paragraphs. Rules describe
/// kinds of line, not the seeds' lines. Pure: no Xapian, no I/O.
#pragma once

#include "common/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gazette::indexer {

/// Why a line was removed (for tests and --explain of the indexer).
struct RemovedLine {
    std::string text;
    std::string_view rule;
};

/// The cleaned report, and the lines that went.
struct CleanResult {
    Report report;
    std::vector<RemovedLine> removed;
};

/// Cleans a report's body. Metadata the chrome carries is kept when the report lacks it: a
/// byline gives the author, a dateline the date, a repeated headline the title. When the report
/// still has no title, the first sentence becomes one and title_derived is set.
[[nodiscard]] CleanResult clean_report(Report report);

}  // namespace gazette::indexer
