/// @file
/// Raw bytes to UTF-8 text before a reader parses them: refuses binary data, converts UTF-16
/// and legacy 8-bit encodings (detected with ICU's charset detector: Windows-1252, Latin-1,
/// Windows-1251, KOI8-R, ...), and repairs UTF-8 with a few bad bytes. Each change is reported.
#pragma once

#include "common/report.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::indexer {

/// Where bytes came from, for problem lines: a file, or one line of a feed.
struct ByteOrigin {
    std::string_view source;   ///< the file (or "<stdin>")
    std::size_t line = 0;      ///< 1-based line of a JSONL feed; 0 for a whole file
    std::uint64_t offset = 0;  ///< byte offset of the first byte within the file
};

/// Decodes `bytes` into valid UTF-8; `problems` gets one line when they needed converting or
/// repair (naming the byte offset of the first bad byte).
/// @return nothing (with a problem) when the bytes are binary: a NUL byte, or many control bytes.
[[nodiscard]] std::optional<std::string> decode_text(std::string bytes,
                                                     const ByteOrigin& origin,
                                                     std::vector<InputProblem>& problems);

}  // namespace gazette::indexer
