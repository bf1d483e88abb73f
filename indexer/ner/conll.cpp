#include "indexer/ner/conll.hpp"

#include "indexer/ner/tags.hpp"

#include <sstream>

namespace gazette::ner {

Result<std::vector<ConllSentence>> read_conll(std::istream& in, const std::string& origin) {
    std::vector<ConllSentence> sentences;
    ConllSentence current;
    int document = 0;
    bool document_has_sentences = false;
    const auto flush = [&] {
        if (!current.tokens.empty()) {
            current.document = document;
            sentences.push_back(std::move(current));
            current = ConllSentence{};
            document_has_sentences = true;
        }
    };
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        std::istringstream columns(line);
        std::vector<std::string> fields;
        for (std::string field; columns >> field;) {
            fields.push_back(field);
        }
        if (fields.empty()) {
            flush();
            continue;
        }
        if (fields.front() == "-DOCSTART-") {
            flush();
            if (document_has_sentences) {
                ++document;
                document_has_sentences = false;
            }
            continue;
        }
        if (fields.size() < 2) {
            return fail(ErrorCode::Input,
                        origin + ":" + std::to_string(number) + ": expected a word and a tag",
                        "write CoNLL-2003 columns: WORD [POS CHUNK] TAG");
        }
        if (!tag_from_name(fields.back())) {
            return fail(
                ErrorCode::Input,
                origin + ":" + std::to_string(number) + ": unknown tag '" + fields.back() + "'",
                "use O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC or I-MISC");
        }
        current.tokens.push_back(fields.front());
        current.labels.push_back(fields.back());
    }
    flush();
    return sentences;
}

}  // namespace gazette::ner
