/// @file
/// Finding the report files under the paths a user names, and reading one file's bytes into
/// reports. The indexer's file-system code (with line_reader for feeds).
#pragma once

#include "indexer/readers/reader.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace gazette::indexer {

/// What `gazette-index -` reads: a JSON Lines feed on standard input.
inline constexpr std::string_view kStdinPath = "-";
/// How problems and stored sources name standard input.
inline constexpr std::string_view kStdinName = "<stdin>";

/// A file to read, and how.
struct SourceFile {
    std::string path;  ///< as the user named it (or the walk found it): for messages
    Format format = Format::Unknown;
    /// What the database records as the report's source: the absolute path (--prune checks it),
    /// or "<stdin>".
    std::string stored;
    std::uint64_t size = 0;  ///< bytes, when known (progress)
    bool standard_input = false;
};

/// The files found, in order, and the paths that could not be walked.
struct CollectedSources {
    std::vector<SourceFile> files;
    std::vector<InputProblem> problems;
};

/// Walks files and directories: recursively, in name order, skipping hidden entries, following
/// symbolic links but never around a loop, and taking each file once however it is reached. In
/// directories, files of unknown formats are passed over; a file named explicitly with an
/// unknown format is a problem, and so are unreadable directories, broken links, link loops and
/// special files (pipes, devices). "-" is standard input, read as JSON Lines.
[[nodiscard]] CollectedSources collect_sources(const std::vector<std::string>& paths);

/// Reads one text, Markdown or HTML file (or a JSONL file whole): refuses empty, binary and
/// huge files, decodes the bytes to UTF-8 (see text_decoding.hpp), and hands them to the reader
/// of its format.
[[nodiscard]] ReadResult read_source(const SourceFile& file, const ReportDefaults& defaults);

}  // namespace gazette::indexer
