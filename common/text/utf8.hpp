/// @file
/// UTF-8 checks and repair for what readers are handed, so that nothing past the readers meets
/// invalid text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::text {

/// @return the byte offset of the first byte that is not part of a valid UTF-8 sequence, or
/// nothing when the whole text is valid.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

/// @return the text with every invalid sequence replaced by U+FFFD; `replaced`, when given,
/// gets how many were.
[[nodiscard]] std::string repair_utf8(std::string_view bytes, std::size_t* replaced = nullptr);

/// @return the text decoded from Windows-1252 (a superset of Latin-1 for printable text).
[[nodiscard]] std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace gazette::text
