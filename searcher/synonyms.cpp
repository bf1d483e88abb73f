#include "searcher/synonyms.hpp"

#include "common/schema.hpp"
#include "searcher/compounds.hpp"
#include "searcher/english_spellings.hpp"
#include "searcher/implied_phrases.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gazette::search {
namespace {

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        out += out.empty() ? "" : " ";
        out += w;
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto begin = s.find_first_not_of(" \r");
    if (begin == std::string_view::npos) {
        return {};
    }
    const auto end = s.find_last_not_of(" \r");
    return std::string(s.substr(begin, end - begin + 1));
}

}  // namespace

Result<SynonymTable> SynonymTable::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::Usage,
                    "cannot read the synonyms file " + path,
                    "check the path given to --synonyms or $GAZETTE_SYNONYMS");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path, text::thread_analyzer());
}

Result<SynonymTable> SynonymTable::parse(std::string_view text,
                                         std::string_view source,
                                         text::Analyzer& analyzer) {
    SynonymTable table;
    table.source_ = std::string(source);
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto where = std::string(source) + ":" + std::to_string(line_no);
        std::vector<Entry> group;
        std::size_t field_start = 0;
        while (field_start <= line.size()) {
            std::size_t tab = line.find('\t', field_start);
            if (tab == std::string::npos) {
                tab = line.size();
            }
            const std::string field =
                trim(std::string_view(line).substr(field_start, tab - field_start));
            field_start = tab + 1;
            if (field.empty()) {
                continue;
            }
            Entry entry;
            analyzer.for_each_token(field, [&](const text::Token& t) { entry.push_back(t.term); });
            if (entry.empty()) {
                return fail(ErrorCode::Usage,
                            where + ": '" + field + "' has no word in it",
                            "each entry is a word or a phrase");
            }
            group.push_back(std::move(entry));
        }
        if (group.size() < 2) {
            return fail(ErrorCode::Usage,
                        where + ": a line needs two entries or more, separated by tabs",
                        "write e.g. 'withdrawal<TAB>retreat<TAB>pull back'");
        }
        const std::size_t index = table.groups_.size();
        for (const auto& entry : group) {
            std::vector<std::string> stems;
            for (const auto& word : entry) {
                stems.push_back(analyzer.stem(word));
            }
            auto& groups = table.groups_by_stems_[join(stems)];
            if (std::find(groups.begin(), groups.end(), index) == groups.end()) {
                groups.push_back(index);
            }
            table.longest_ = std::max(table.longest_, entry.size());
        }
        table.groups_.push_back(std::move(group));
    }
    return table;
}

std::vector<const SynonymTable::Entry*> SynonymTable::alternatives(
    const std::vector<std::string>& stems) const {
    std::vector<const Entry*> out;
    const auto it = groups_by_stems_.find(join(stems));
    if (it == groups_by_stems_.end()) {
        return out;
    }
    for (const std::size_t group : it->second) {
        for (const auto& entry : groups_[group]) {
            out.push_back(&entry);
        }
    }
    return out;
}

std::string default_synonyms_path() {
    if (const char* env = std::getenv("GAZETTE_SYNONYMS"); env != nullptr && *env != '\0') {
        return env;
    }
#ifdef GAZETTE_CORPUS_DIR
    return std::string(GAZETTE_CORPUS_DIR) + "/synonyms.tsv";
#else
    return "corpus/synonyms.tsv";
#endif
}

Result<SynonymTable> load_synonyms(const std::string& named) {
    if (!named.empty()) {
        return SynonymTable::load(named);
    }
    const std::string path = default_synonyms_path();
    if (!std::filesystem::exists(path)) {
        return SynonymTable{};
    }
    return SynonymTable::load(path);
}

std::vector<std::string> SynonymExpander::inflections(const std::string& word) {
    // The regular inflections of an English word, kept when they share its stem and occur:
    // pull -> pulls, pulled, pulling; retire -> retired; stop -> stopped; carry -> carried.
    std::vector<std::string> candidates{word, word + "s", word + "es", word + "ed", word + "ing"};
    if (!word.empty()) {
        const char last = word.back();
        if (last == 'e') {
            candidates.push_back(word + "d");
            candidates.push_back(word.substr(0, word.size() - 1) + "ing");
        } else if (last == 'y') {
            candidates.push_back(word.substr(0, word.size() - 1) + "ies");
            candidates.push_back(word.substr(0, word.size() - 1) + "ied");
        } else if (word.size() >= 3 && std::string_view("aeiou").find(last) == std::string::npos) {
            candidates.push_back(word + last + "ed");
            candidates.push_back(word + last + "ing");
        }
    }
    const std::string stem = analyzer_.stem(word);
    std::vector<std::string> forms;
    for (const auto& candidate : candidates) {
        if (std::find(forms.begin(), forms.end(), candidate) == forms.end() &&
            analyzer_.stem(candidate) == stem &&
            database_.term_exists(schema::word_term(schema::prefix::kBody, candidate))) {
            forms.push_back(candidate);
        }
    }
    return forms;
}

std::optional<Xapian::Query> SynonymExpander::entry_query(const SynonymTable::Entry& entry,
                                                          Highlight& highlight) {
    if (entry.size() == 1) {
        const std::string& stem = analyzer_.stem(entry.front());
        highlight.stems.insert(stem);
        return Xapian::Query(schema::stem_term(schema::prefix::kBody, stem));
    }
    std::vector<Xapian::Query> words;
    for (const auto& word : entry) {
        const auto forms = inflections(word);
        if (forms.empty()) {
            return std::nullopt;  // a word that never occurs: the phrase cannot match
        }
        highlight.words.insert(forms.begin(), forms.end());
        words.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
}

std::vector<Xapian::Query> SynonymExpander::listed(const std::vector<std::string>& stems,
                                                   const std::vector<std::string>& own,
                                                   Highlight& highlight) {
    std::vector<Xapian::Query> queries;
    std::vector<std::string> seen{join(stems)};
    for (const auto* entry : table_.alternatives(stems)) {
        std::vector<std::string> entry_stems;
        for (const auto& w : *entry) {
            entry_stems.push_back(analyzer_.stem(w));
        }
        const std::string key = join(entry_stems);
        if (std::find(seen.begin(), seen.end(), key) != seen.end() || *entry == own) {
            continue;
        }
        seen.push_back(key);
        if (auto query = entry_query(*entry, highlight)) {
            queries.push_back(std::move(*query));
        }
    }
    return queries;
}

Xapian::Query SynonymExpander::word(const std::string& term, Highlight& highlight) {
    const std::string stem = analyzer_.stem(term);
    highlight.stems.insert(stem);
    std::vector<Xapian::Query> alternatives{
        Xapian::Query(schema::stem_term(schema::prefix::kBody, stem))};
    for (auto& query : listed({stem}, {term}, highlight)) {
        alternatives.push_back(std::move(query));
    }
    for (const auto& variant : spelling_variants(term)) {
        const std::string variant_stem = analyzer_.stem(variant);
        const std::string variant_term = schema::stem_term(schema::prefix::kBody, variant_stem);
        if (variant_stem != stem && database_.term_exists(variant_term)) {
            highlight.stems.insert(variant_stem);
            alternatives.emplace_back(variant_term);
        }
    }
    // The word itself already stands for the solid and hyphenated compound: add its words apart.
    for (const auto& [head, tail] : compound_splits(term, database_)) {
        highlight.words.insert(head);
        highlight.words.insert(tail);
        alternatives.emplace_back(Xapian::Query::OP_PHRASE,
                                  Xapian::Query(schema::word_term(schema::prefix::kBody, head)),
                                  Xapian::Query(schema::word_term(schema::prefix::kBody, tail)));
    }
    alternatives = without_implied_phrases(std::move(alternatives), analyzer_);
    if (alternatives.size() == 1) {
        return alternatives.front();
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
}

std::optional<SynonymExpander::PhraseMatch> SynonymExpander::phrase_at(
    const std::vector<std::string>& terms, std::size_t start, Highlight& highlight) {
    const std::size_t longest = std::min(table_.longest_entry(), terms.size() - start);
    for (std::size_t n = longest; n >= 2; --n) {
        const std::vector<std::string> words(
            terms.begin() + static_cast<std::ptrdiff_t>(start),
            terms.begin() + static_cast<std::ptrdiff_t>(start + n));
        std::vector<std::string> stems;
        for (const auto& w : words) {
            stems.push_back(analyzer_.stem(w));
        }
        if (table_.alternatives(stems).empty()) {
            continue;
        }
        std::vector<Xapian::Query> alternatives;
        if (auto own = entry_query(words, highlight)) {
            alternatives.push_back(std::move(*own));
        }
        for (auto& query : listed(stems, words, highlight)) {
            alternatives.push_back(std::move(query));
        }
        if (alternatives.empty()) {
            continue;
        }
        // "united states of america" beside "united states": no more matches, many positions.
        alternatives = without_implied_phrases(std::move(alternatives), analyzer_);
        return PhraseMatch{
            n, Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end())};
    }
    return std::nullopt;
}

}  // namespace gazette::search
