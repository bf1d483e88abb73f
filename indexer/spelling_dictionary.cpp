#include "indexer/spelling_dictionary.hpp"

#include <algorithm>
#include <cctype>

namespace gazette::indexer {
namespace {

/// True for a word worth suggesting: unprefixed (prefixes are capitals), two letters or more,
/// no digits.
bool is_dictionary_word(const std::string& term) {
    if (term.size() < 2 || std::isupper(static_cast<unsigned char>(term.front())) != 0) {
        return false;
    }
    return std::none_of(term.begin(), term.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

}  // namespace

void SpellingChanges::add(const Xapian::Document& doc) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (const std::string term = *it; is_dictionary_word(term)) {
            ++deltas_[term];
        }
    }
}

void SpellingChanges::remove(const Xapian::Document& doc) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (const std::string term = *it; is_dictionary_word(term)) {
            --deltas_[term];
        }
    }
}

void SpellingChanges::apply(Xapian::WritableDatabase& database) {
    for (const auto& [word, delta] : deltas_) {
        if (delta > 0) {
            database.add_spelling(word, static_cast<Xapian::termcount>(delta));
        } else if (delta < 0) {
            database.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
        }
    }
    deltas_.clear();
}

}  // namespace gazette::indexer
