#include "searcher/compounds.hpp"

#include "common/schema.hpp"
#include "common/text/compound.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace gazette::search {
namespace {

constexpr std::size_t kMinSplitWord = 6;
constexpr std::size_t kMinHalf = 3;

/// English suffixes of three letters or more. A word that ends in one is derived ("kicking",
/// "careless"), not two words run together, even when a broken line ("kick- ing") put the suffix
/// in the index on its own: split, it would match a phrase no one wrote and mark "ing" in snippets.
bool is_suffix(std::string_view tail) {
    static constexpr std::array<std::string_view, 34> kSuffixes = {
        "ing",  "ings",  "ers",  "est",  "ness", "ment",  "ments", "tion", "tions",
        "sion", "sions", "able", "ible", "ful",  "less",  "ous",   "ive",  "ives",
        "ism",  "isms",  "ist",  "ists", "ity",  "ities", "ize",   "ized", "izes",
        "ise",  "ised",  "ises", "ally", "ence", "ance",  "ship"};
    return std::find(kSuffixes.begin(), kSuffixes.end(), tail) != kSuffixes.end();
}

}  // namespace

Xapian::Query compound_query(const std::vector<std::string>& parts, text::Analyzer& analyzer) {
    std::vector<Xapian::Query> words;
    for (const auto& part : parts) {
        words.emplace_back(schema::word_term(schema::prefix::kBody, part));
    }
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
    const std::string joined = text::join_compound(parts);
    if (joined.empty()) {
        return phrase;
    }
    return Xapian::Query(
        Xapian::Query::OP_SYNONYM,
        phrase,
        Xapian::Query(schema::stem_term(schema::prefix::kBody, analyzer.stem(joined))));
}

std::vector<std::pair<std::string, std::string>> compound_splits(const std::string& word,
                                                                 const Xapian::Database& database) {
    std::vector<std::pair<std::string, std::string>> splits;
    const bool letters = std::all_of(word.begin(), word.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) != 0;
    });
    if (!letters || word.size() < kMinSplitWord) {
        return splits;
    }
    // Koehn and Knight's rule (2003): split only where the halves are, by their geometric mean,
    // at least as common as the solid word. Real compounds are made of common words ("health" +
    // "care"); fragments that broken lines and typos leave in a corpus ("hill" + "ary",
    // "republic" + "ans", "demo" + "crats") are rare, and a common word is no compound of them.
    const double solid = database.get_termfreq(schema::word_term(schema::prefix::kBody, word));
    for (std::size_t at = kMinHalf; at + kMinHalf <= word.size(); ++at) {
        std::string head = word.substr(0, at);
        std::string tail = word.substr(at);
        if (text::Analyzer::is_stopword(head) || text::Analyzer::is_stopword(tail) ||
            is_suffix(tail)) {
            continue;
        }
        const double head_reports =
            database.get_termfreq(schema::word_term(schema::prefix::kBody, head));
        if (head_reports == 0) {
            continue;
        }
        const double tail_reports =
            database.get_termfreq(schema::word_term(schema::prefix::kBody, tail));
        if (tail_reports > 0 && head_reports * tail_reports >= solid * solid) {
            splits.emplace_back(std::move(head), std::move(tail));
        }
    }
    return splits;
}

}  // namespace gazette::search
