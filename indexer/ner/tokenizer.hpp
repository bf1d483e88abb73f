/// @file
/// Splits report text into sentences of tokens the way CoNLL-2003 is tokenised (punctuation and
/// possessive 's are tokens of their own, abbreviations keep their dots), so the tagger sees at
/// run time what it was trained on. Each token keeps its byte span in the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::ner {

struct TextToken {
    std::string_view text;  ///< the token as written (a view into the analysed text)
    std::size_t begin = 0;  ///< byte offset in the analysed text
    std::size_t end = 0;
};

using Sentence = std::vector<TextToken>;

/// @return the sentences of `text`: paragraphs (lines) are split at sentence-final
/// punctuation. Views point into `text`, which must outlive the result.
[[nodiscard]] std::vector<Sentence> tokenize_sentences(std::string_view text);

/// @return the token with typographic quotes, apostrophes and dashes made ASCII ("’s" -> "'s",
/// "“" -> "\""), as the training data writes them.
[[nodiscard]] std::string normalise_token(std::string_view token);

}  // namespace gazette::ner
