#include "common/body_stems.hpp"

#include "common/schema.hpp"
#include "common/text/analyzer.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace gazette::body_stems {

bool is_body_stem(std::string_view term) {
    const std::string_view prefix = schema::prefix::kStemmed;
    if (term.size() < prefix.size() + 2 || term.substr(0, prefix.size()) != prefix) {
        return false;
    }
    const auto first = static_cast<unsigned char>(term[prefix.size()]);
    if (first >= 'A' && first <= 'Z') {
        return false;  // a stemmed field term (ZS title words): the body stems cover them
    }
    return !text::Analyzer::is_stopword(term.substr(prefix.size()));
}

std::string encode(const Xapian::Document& doc) {
    const std::string prefix(schema::prefix::kStemmed);
    std::vector<std::pair<Xapian::termcount, std::string>> stems;
    // A term list is in term order, so the stems ("Z...") are one run of it.
    auto term = doc.termlist_begin();
    term.skip_to(prefix);
    for (; term != doc.termlist_end(); ++term) {
        std::string word = *term;
        if (word.compare(0, prefix.size(), prefix) != 0) {
            break;
        }
        if (is_body_stem(word)) {
            stems.emplace_back(std::max<Xapian::termcount>(term.get_wdf(), 1), std::move(word));
        }
    }
    const auto kept = std::min(kKept, stems.size());
    std::partial_sort(stems.begin(),
                      stems.begin() + static_cast<std::ptrdiff_t>(kept),
                      stems.end(),
                      [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::string value;
    for (std::size_t i = 0; i < kept; ++i) {
        value += stems[i].second;
        value += '\0';
        for (Xapian::termcount wdf = stems[i].first;; wdf >>= 7) {
            const auto low = static_cast<char>(wdf & 0x7f);
            if (wdf < 0x80) {
                value += low;
                break;
            }
            value += static_cast<char>(low | 0x80);
        }
    }
    return value;
}

}  // namespace gazette::body_stems
