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

/// Calls f(word) for each dictionary word of `doc`. Terms come in byte order, so the prefixed
/// ones (a capital first: stems, entities, ids), most of a report's terms, sit between "A" and
/// "[": the walk jumps over them instead of copying each.
template <class F>
void for_each_word(const Xapian::Document& doc, F&& f) {
    bool past_prefixed = false;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end();) {
        const std::string term = *it;
        if (!past_prefixed && term >= "A") {
            past_prefixed = true;
            if (term < "[") {
                it.skip_to("[");
                continue;
            }
        }
        if (is_dictionary_word(term)) {
            f(term);
        }
        ++it;
    }
}

}  // namespace

void SpellingChanges::add(const Xapian::Document& doc) {
    for_each_word(doc, [this](const std::string& word) { ++deltas_[word]; });
}

void SpellingChanges::remove(const Xapian::Document& doc) {
    for_each_word(doc, [this](const std::string& word) { --deltas_[word]; });
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
