#include "searcher/implied_phrases.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

namespace gazette::search {
namespace {

/// A phrase's word: what the query says (to find a shorter phrase in a longer one) and the
/// stemmed term every report it matches has, if one does.
struct PhraseWord {
    std::string description;
    std::optional<std::string> stem_term;
};

/// @return the stemmed body term of a body word term ("trump" -> "Ztrump"), if `term` is one.
std::optional<std::string> stem_term_of(const std::string& term, text::Analyzer& analyzer) {
    if (term.empty() || (term.front() >= 'A' && term.front() <= 'Z')) {
        return std::nullopt;  // a prefixed term (a field, a boolean filter): not a body word
    }
    return schema::stem_term(schema::prefix::kBody, analyzer.stem(term));
}

std::optional<std::string> shared_stem_term(const Xapian::Query& word, text::Analyzer& analyzer) {
    if (word.get_type() == Xapian::Query::LEAF_TERM) {
        return stem_term_of(*word.get_terms_begin(), analyzer);
    }
    if (word.get_type() != Xapian::Query::OP_OR) {
        return std::nullopt;
    }
    std::optional<std::string> shared;
    for (std::size_t i = 0; i < word.get_num_subqueries(); ++i) {
        const Xapian::Query form = word.get_subquery(i);
        if (form.get_type() != Xapian::Query::LEAF_TERM) {
            return std::nullopt;
        }
        auto stem = stem_term_of(*form.get_terms_begin(), analyzer);
        if (!stem || (shared && *shared != *stem)) {
            return std::nullopt;
        }
        shared = std::move(stem);
    }
    return shared;
}

std::vector<PhraseWord> words_of(const Xapian::Query& phrase, text::Analyzer& analyzer) {
    std::vector<PhraseWord> words;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        const Xapian::Query word = phrase.get_subquery(i);
        words.push_back({word.get_description(), shared_stem_term(word, analyzer)});
    }
    return words;
}

/// @return true when `shorter` is a run of consecutive words of `longer`.
bool holds_run(const std::vector<PhraseWord>& longer, const std::vector<PhraseWord>& shorter) {
    const auto same = [](const PhraseWord& a, const PhraseWord& b) {
        return a.description == b.description;
    };
    return shorter.size() < longer.size() &&
           std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end(), same) !=
               longer.end();
}

}  // namespace

std::vector<Xapian::Query> without_implied_phrases(std::vector<Xapian::Query> alternatives,
                                                   text::Analyzer& analyzer) {
    std::set<std::string> single_terms;
    std::vector<std::vector<PhraseWord>> phrases(alternatives.size());
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
        const Xapian::Query& alternative = alternatives[i];
        if (alternative.get_type() == Xapian::Query::LEAF_TERM) {
            single_terms.insert(*alternative.get_terms_begin());
        } else if (alternative.get_type() == Xapian::Query::OP_PHRASE) {
            phrases[i] = words_of(alternative, analyzer);
        }
    }
    const auto implied = [&](const std::vector<PhraseWord>& words) {
        const bool by_a_word = std::any_of(words.begin(), words.end(), [&](const PhraseWord& w) {
            return w.stem_term && single_terms.count(*w.stem_term) > 0;
        });
        return by_a_word || std::any_of(phrases.begin(), phrases.end(), [&](const auto& other) {
                   return !other.empty() && holds_run(words, other);
               });
    };
    std::vector<Xapian::Query> kept;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
        if (phrases[i].empty() || !implied(phrases[i])) {
            kept.push_back(std::move(alternatives[i]));
        }
    }
    return kept;
}

}  // namespace gazette::search
