#include "indexer/spelling_dictionary.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace gazette::indexer {
namespace {

/// True for a body word worth suggesting: unprefixed (prefixes are capitals), two letters or
/// more, no digits.
bool is_dictionary_word(const std::string& term) {
    if (term.size() < 2 || std::isupper(static_cast<unsigned char>(term.front()))) {
        return false;
    }
    return std::none_of(term.begin(), term.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

template <class Apply>
void for_each_word(const Xapian::Document& doc, Apply apply) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (is_dictionary_word(term)) {
            apply(term);
        }
    }
}

}  // namespace

void add_spellings(Xapian::WritableDatabase& database, const Xapian::Document& doc) {
    for_each_word(doc, [&](const std::string& word) { database.add_spelling(word, 1); });
}

void remove_spellings(Xapian::WritableDatabase& database, const Xapian::Document& doc) {
    for_each_word(doc, [&](const std::string& word) { database.remove_spelling(word, 1); });
}

}  // namespace gazette::indexer
