/// @file
/// A fast path for ICU's word breaking on the text news mostly is: ASCII plus typographic
/// punctuation (’ “ — …). It finds exactly the words ICU's root-locale rules find (UAX #29 as
/// ICU 72 tailors it); tests/unit/common/analyzer_test.cpp checks that on random text. Text with
/// any other character is left to ICU.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::text {

/// A word's byte span in a line.
using WordSpan = std::pair<std::size_t, std::size_t>;

/// Finds the words of one line (no '\n'). @return false, leaving `words` unspecified, when the
/// line holds a character this fast path does not classify: the caller must use ICU then.
[[nodiscard]] bool find_simple_words(std::string_view line, std::vector<WordSpan>& words);

}  // namespace gazette::text
