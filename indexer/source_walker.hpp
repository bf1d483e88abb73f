/// @file
/// Finding the report files under the paths a user names, and reading each one's bytes into
/// valid UTF-8 before a reader parses it. The only file-system code of the indexer.
#pragma once

#include "indexer/readers/reader.hpp"

#include <string>
#include <vector>

namespace gazette::indexer {

/// A file to read, and how.
struct SourceFile {
    std::string path;
    Format format = Format::Unknown;
};

/// The files found, sorted, and the paths that could not be walked.
struct CollectedSources {
    std::vector<SourceFile> files;
    std::vector<InputProblem> problems;
};

/// Walks files and directories (recursively, skipping hidden entries, following symbolic links
/// once, never around a loop). In directories, files of unknown formats are passed over; a file
/// named explicitly with an unknown format is a problem.
[[nodiscard]] CollectedSources collect_sources(const std::vector<std::string>& paths);

/// Reads one file: refuses empty and binary files; repairs text that is not UTF-8 (decoding it
/// as Windows-1252 when that explains it); then hands it to the reader of its format.
[[nodiscard]] ReadResult read_source(const SourceFile& file, const ReportDefaults& defaults);

/// Decodes raw bytes of `source` into UTF-8 text; `problems` gets a line when they needed repair.
/// @return nothing (with a problem) when the bytes are binary.
[[nodiscard]] std::optional<std::string> decode_text(std::string bytes,
                                                     std::string_view source,
                                                     std::vector<InputProblem>& problems);

}  // namespace gazette::indexer
