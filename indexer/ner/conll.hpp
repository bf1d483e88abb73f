/// @file
/// Reads CoNLL-2003 columns: one token a line ("word POS chunk TAG"; the first column is the
/// word, the last its tag), a blank line between sentences, "-DOCSTART-" lines between
/// documents.
#pragma once

#include "common/error.hpp"

#include <istream>
#include <string>
#include <vector>

namespace gazette::ner {

struct ConllSentence {
    std::vector<std::string> tokens;
    std::vector<std::string> labels;  ///< the last column, as written ("B-PER", "O")
    int document = 0;                 ///< 0-based index of the document it belongs to
};

/// @return the sentences of a CoNLL file; ErrorCode::Input naming `origin` and the line when a
/// line has fewer than two columns or an unknown tag.
[[nodiscard]] Result<std::vector<ConllSentence>> read_conll(std::istream& in,
                                                            const std::string& origin);

}  // namespace gazette::ner
