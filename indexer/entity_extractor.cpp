#include "indexer/entity_extractor.hpp"

#include "common/entity_names.hpp"
#include "indexer/ner/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>

namespace gazette::indexer {
namespace {

using entities::GazetteerEntry;

/// Where a mention came from; the first three decide the type, the tagger only proposes it.
enum class Source { Gazetteer, CallSign, Propagated, Tagger };

struct Mention {
    std::string surface;  ///< as written
    std::string key;
    std::optional<EntityType> type;
    const GazetteerEntry* entry = nullptr;
    Source source = Source::Tagger;
};

/// One sentence being analysed.
struct Words {
    std::vector<ner::TextToken> tokens;
    std::vector<std::string> normal;  ///< normalised tokens (the tagger's input)
    std::vector<std::string> lower;   ///< normalised and lower-cased
    std::vector<std::optional<std::string>> keys;
    std::vector<bool> claimed;
};

constexpr std::size_t kMaxCallSignWords = 3;

/// Words that introduce a call sign or nickname in quotes.
const std::array<std::vector<std::string_view>, 10> kCallSignCues = {{
    {"call", "sign"},
    {"callsign"},
    {"call-sign"},
    {"codenamed"},
    {"code-named"},
    {"code", "name"},
    {"nicknamed"},
    {"nickname"},
    {"nom", "de", "guerre"},
    {"pseudonym"},
}};

/// @return true for a capital letter, or a letter of a script without case.
bool is_capital(UChar32 c) {
    return u_isupper(c) || u_istitle(c) || (u_isalpha(c) && !u_islower(c));
}

bool starts_upper(std::string_view token) {
    if (token.empty()) {
        return false;
    }
    std::size_t i = 0;
    UChar32 c = 0;
    U8_NEXT(token.data(), i, token.size(), c);
    return c >= 0 && is_capital(c);
}

bool has_upper_or_script(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        UChar32 c = 0;
        U8_NEXT(s.data(), i, s.size(), c);
        if (c >= 0 && is_capital(c)) {
            return true;
        }
    }
    return false;
}

bool is_open_quote(std::string_view t) {
    return t == "\"" || t == "'" || t == "\xC2\xAB";
}
bool is_close_quote(std::string_view t) {
    return t == "\"" || t == "'" || t == "\xC2\xBB";
}
bool is_possessive(std::string_view normal) {
    return normal == "'s" || normal == "'S" || normal == "'";
}

const std::string& key_of(Words& w, std::size_t i) {
    if (!w.keys[i]) {
        w.keys[i] = entities::entity_key(w.tokens[i].text);
    }
    return *w.keys[i];
}

std::string surface_of(std::string_view text, const Words& w, std::size_t b, std::size_t e) {
    std::string s(text.substr(w.tokens[b].begin, w.tokens[e - 1].end - w.tokens[b].begin));
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

std::string last_word(const std::string& key) {
    const auto space = key.rfind(' ');
    return space == std::string::npos ? key : key.substr(space + 1);
}
std::string first_word(const std::string& key) {
    return key.substr(0, key.find(' '));
}

std::optional<EntityType> type_of_class(ner::NameClass c) {
    switch (c) {
        case ner::NameClass::Person:
            return EntityType::Person;
        case ner::NameClass::Organisation:
            return EntityType::Organisation;
        case ner::NameClass::Location:
            return EntityType::Place;
        case ner::NameClass::Misc:
            break;
    }
    return std::nullopt;
}

/// @return true when `word` is `place_word` with a demonym ending ("koreans": "korea",
/// "ukrainian": "ukraine", "russians": "russia").
bool is_demonym_of(std::string_view word, std::string_view place_word) {
    if (place_word.size() < 3) {
        return false;
    }
    for (const std::string_view base :
         {place_word,
          place_word.ends_with("e") ? place_word.substr(0, place_word.size() - 1) : place_word}) {
        if (!word.starts_with(base) || word.size() == base.size()) {
            continue;
        }
        const std::string_view ending = word.substr(base.size());
        for (const std::string_view e : {"n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is"}) {
            if (ending == e) {
                return true;
            }
        }
    }
    return false;
}

/// Title Case lines (headlines) mislead a tagger trained on sentence case: "Troop Withdrawal
/// Signals Heavy Losses" is no organisation.
bool is_title_case(const std::vector<ner::TextToken>& tokens) {
    std::size_t words = 0;
    std::size_t capitalised = 0;
    for (const auto& t : tokens) {
        const auto c = static_cast<unsigned char>(t.text[0]);
        if (std::isalpha(c) != 0 && t.text.size() > 3) {
            ++words;
            capitalised += std::isupper(c) != 0 ? 1 : 0;
        }
    }
    return words >= 4 && capitalised * 5 >= words * 4;
}

/// An entity being assembled from its mentions.
struct Group {
    std::string key;
    const GazetteerEntry* entry = nullptr;
    std::optional<EntityType> fixed_type;  ///< from the gazetteer or a rule
    std::map<EntityType, int> votes;       ///< the tagger's types
    std::vector<std::string> variants;
    std::vector<int> variant_mentions;
    int mentions = 0;
    std::size_t first_seen = 0;
    bool merged = false;

    [[nodiscard]] std::optional<EntityType> type() const {
        if (fixed_type) {
            return fixed_type;
        }
        std::optional<EntityType> best;
        int top = 0;
        for (const auto& [t, n] : votes) {
            if (n > top) {
                best = t;
                top = n;
            }
        }
        return best;
    }
    [[nodiscard]] std::size_t words() const {
        return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    }
};

}  // namespace

EntityExtractor::EntityExtractor(ner::Model model, entities::AliasTable aliases)
    : model_(std::move(model)), aliases_(std::move(aliases)) {
    for (const auto& entry : aliases_.entries()) {
        std::vector<std::string> spellings = entry.aliases;
        spellings.push_back(entry.name);
        for (const auto& spelling : spellings) {
            const std::string key = entities::entity_key(spelling);
            first_words_.insert(first_word(key));
            const auto sentences = ner::tokenize_sentences(spelling);
            std::size_t tokens = 0;
            for (const auto& sentence : sentences) {
                tokens += sentence.size();
            }
            longest_spelling_ = std::max(longest_spelling_, tokens);
            if (entry.type == EntityType::Place) {
                place_keys_.push_back(key);
            }
        }
    }
    fingerprint_ = "model:" + model_.fingerprint() + ";gazetteer:" + aliases_.fingerprint();
}

std::vector<Entity> EntityExtractor::extract(const Report& report) const {
    if (report.title_derived || report.title.empty()) {
        return extract_text(report.body);
    }
    return extract_text(report.title + "\n" + report.body);
}

bool EntityExtractor::is_misc_name(const std::vector<std::string>& lower,
                                   std::size_t begin,
                                   std::size_t end) const {
    const auto it = model_.lexicon.names.find(ner::Lexicon::name_key(lower, begin, end));
    return it != model_.lexicon.names.end() &&
           it->second == (1U << static_cast<unsigned>(ner::NameClass::Misc));
}

bool EntityExtractor::is_demonym(const std::string& key) const {
    const std::string last = last_word(key);
    const std::string rest =
        key.size() > last.size() ? key.substr(0, key.size() - last.size()) : "";
    for (const auto& place : place_keys_) {
        const std::string place_last = last_word(place);
        const std::string place_rest = place.size() > place_last.size()
                                           ? place.substr(0, place.size() - place_last.size())
                                           : "";
        if ((rest.empty() || rest == place_rest) && is_demonym_of(last, place_last)) {
            return true;
        }
    }
    return false;
}

std::vector<Entity> EntityExtractor::extract_text(std::string_view text) const {
    thread_local ner::TaggerScratch scratch;
    thread_local std::vector<int> tags;

    std::vector<Words> sentences;
    for (auto& tokens : ner::tokenize_sentences(text)) {
        Words w;
        w.tokens = std::move(tokens);
        for (const auto& t : w.tokens) {
            w.normal.push_back(ner::normalise_token(t.text));
            w.lower.push_back(ner::lower_token(w.normal.back()));
        }
        w.keys.resize(w.tokens.size());
        w.claimed.assign(w.tokens.size(), false);
        sentences.push_back(std::move(w));
    }
    std::vector<Mention> mentions;
    const auto add = [&](Words& w, std::size_t b, std::size_t e, Mention m) {
        std::fill(w.claimed.begin() + static_cast<long>(b),
                  w.claimed.begin() + static_cast<long>(e),
                  true);
        m.surface = surface_of(text, w, b, e);
        if (m.key.empty()) {
            m.key = entities::entity_key(m.surface);
        }
        mentions.push_back(std::move(m));
    };

    // 1. The gazetteer: longest spelling first at each token that may start one.
    for (auto& w : sentences) {
        const std::size_t n = w.tokens.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (!starts_upper(w.tokens[i].text) &&
                !std::isdigit(static_cast<unsigned char>(w.tokens[i].text[0]))) {
                continue;
            }
            if (first_words_.count(first_word(key_of(w, i))) == 0) {
                continue;
            }
            for (std::size_t len = std::min(longest_spelling_, n - i); len >= 1; --len) {
                std::string key;
                bool broken = false;
                for (std::size_t k = i; k < i + len && !broken; ++k) {
                    const std::string& part = key_of(w, k);
                    if (part.empty()) {
                        broken = !is_possessive(w.normal[k]) || k + 1 == i + len;
                        continue;
                    }
                    key += key.empty() ? "" : " ";
                    key += part;
                }
                const GazetteerEntry* entry = broken ? nullptr : aliases_.find_key(key);
                if (entry == nullptr) {
                    continue;
                }
                if (entities::is_as_written_key(key) &&
                    !entry->lists(surface_of(text, w, i, i + len))) {
                    continue;  // "us" is no country: short names match only as written
                }
                add(w,
                    i,
                    i + len,
                    Mention{{},
                            entities::entity_key(entry->name),
                            entry->type,
                            entry,
                            Source::Gazetteer});
                i += len - 1;
                break;
            }
        }
    }

    // 2. Call signs: a quoted name right after "call sign", "codenamed", ...
    std::unordered_set<std::string> call_signs;
    for (auto& w : sentences) {
        const std::size_t n = w.tokens.size();
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t after = 0;
            for (const auto& cue : kCallSignCues) {
                if (i + cue.size() > n) {
                    continue;
                }
                bool match = true;
                for (std::size_t k = 0; k < cue.size() && match; ++k) {
                    match = w.lower[i + k] == cue[k];
                }
                if (match) {
                    after = i + cue.size();
                    break;
                }
            }
            if (after == 0 || after >= n || !is_open_quote(w.normal[after])) {
                continue;
            }
            std::size_t end = after + 1;
            while (end < n && end - after - 1 < kMaxCallSignWords &&
                   starts_upper(w.tokens[end].text)) {
                ++end;
            }
            if (end == after + 1 || end >= n) {
                continue;
            }
            std::size_t close = end;
            if (close < n && (w.normal[close] == "," || w.normal[close] == ".")) {
                ++close;
            }
            if (close >= n || !is_close_quote(w.normal[close])) {
                continue;
            }
            if (std::any_of(w.claimed.begin() + static_cast<long>(after + 1),
                            w.claimed.begin() + static_cast<long>(end),
                            [](bool c) { return c; })) {
                continue;
            }
            call_signs.insert(surface_of(text, w, after + 1, end));
            add(w, after + 1, end, Mention{{}, {}, EntityType::Person, nullptr, Source::CallSign});
        }
    }

    // 3. The tagger, where neither claimed the words.
    std::vector<std::string> input;
    for (auto& w : sentences) {
        const auto& lower = w.lower;
        input = w.normal;
        if (is_title_case(w.tokens)) {
            // Words the model knows in lower case are read as such in a headline.
            for (std::size_t i = 0; i < input.size(); ++i) {
                if (model_.lexicon.common_words.count(ner::Lexicon::word_key(lower[i])) != 0) {
                    input[i] = lower[i];
                }
            }
        }
        model_.tag(input, scratch, tags);
        const std::size_t n = w.tokens.size();
        for (std::size_t i = 0; i < n;) {
            if (!ner::is_begin(tags[i])) {
                ++i;
                continue;
            }
            const auto name_class = ner::class_of(tags[i]);
            std::size_t end = i + 1;
            while (end < n && tags[end] == ner::inside_tag(name_class)) {
                ++end;
            }
            const std::size_t begin = i;
            i = end;
            const auto type = type_of_class(name_class);
            if (!type || std::any_of(w.claimed.begin() + static_cast<long>(begin),
                                     w.claimed.begin() + static_cast<long>(end),
                                     [](bool c) { return c; })) {
                continue;
            }
            const std::string surface = surface_of(text, w, begin, end);
            if (surface.size() < 2 || !has_upper_or_script(surface)) {
                continue;  // "he", lower-case words: not names
            }
            Mention m{{}, {}, type, nullptr, Source::Tagger};
            m.key = entities::entity_key(surface);
            if (is_misc_name(lower, begin, end) || is_demonym(m.key)) {
                continue;  // "North Koreans", "Ukrainian": nationalities, not names
            }
            const bool known =
                model_.lexicon.names.count(ner::Lexicon::name_key(lower, begin, end)) != 0;
            if (begin == 0 && end == 1 && n > 1 && w.normal[1] == "," && !known) {
                continue;  // "Furthermore, ...": an unknown word opening a sentence, not a name
            }
            if (const GazetteerEntry* entry = aliases_.find_key(m.key)) {
                m.entry = entry;
                m.type = entry->type;
                m.source = Source::Gazetteer;
                m.key = entities::entity_key(entry->name);
            }
            add(w, begin, end, std::move(m));
        }
    }

    // 4. One name, one entity per report: later bare uses of a call sign or of a person's
    // surname are that person, even where the tagger missed them.
    std::unordered_set<std::string> echoes = call_signs;
    for (const auto& m : mentions) {
        if (m.type == EntityType::Person && m.surface.find(' ') != std::string::npos &&
            m.source != Source::CallSign) {
            echoes.insert(m.surface.substr(m.surface.rfind(' ') + 1));
        }
    }
    for (auto& w : sentences) {
        for (std::size_t i = 0; i < w.tokens.size(); ++i) {
            if (!w.claimed[i] && starts_upper(w.tokens[i].text) &&
                echoes.count(std::string(w.tokens[i].text)) != 0) {
                add(w, i, i + 1, Mention{{}, {}, EntityType::Person, nullptr, Source::Propagated});
            }
        }
    }

    // 5. Mentions to entities: one group per key, then bare surnames joined to full names.
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t order = 0; order < mentions.size(); ++order) {
        const Mention& m = mentions[order];
        if (m.key.empty() || (m.entry != nullptr && !m.entry->type)) {
            continue;  // the gazetteer says: not an entity
        }
        auto [it, added] = by_key.emplace(m.key, groups.size());
        if (added) {
            Group g;
            g.key = m.key;
            g.first_seen = order;
            groups.push_back(std::move(g));
        }
        Group& g = groups[it->second];
        g.first_seen = std::min(g.first_seen, order);
        if (m.entry != nullptr) {
            g.entry = m.entry;
            g.fixed_type = m.entry->type;
        } else if (m.source != Source::Tagger && !g.fixed_type) {
            g.fixed_type = m.type;
        } else if (m.type) {
            ++g.votes[*m.type];
        }
        ++g.mentions;
        const auto v = std::find(g.variants.begin(), g.variants.end(), m.surface);
        if (v == g.variants.end()) {
            g.variants.push_back(m.surface);
            g.variant_mentions.push_back(1);
        } else {
            ++g.variant_mentions[static_cast<std::size_t>(v - g.variants.begin())];
        }
    }
    for (auto& single : groups) {
        if (single.words() != 1 || single.entry != nullptr) {
            continue;
        }
        const bool person = single.type() == EntityType::Person;
        std::vector<Group*> by_last;
        std::vector<Group*> by_first;
        for (auto& full : groups) {
            if (&full == &single || full.merged || full.words() < 2 ||
                full.type() != EntityType::Person) {
                continue;
            }
            if (last_word(full.key) == single.key) {
                by_last.push_back(&full);
            } else if (person && first_word(full.key) == single.key) {
                by_first.push_back(&full);
            }
        }
        Group* target = by_last.size() == 1                       ? by_last.front()
                        : by_last.empty() && by_first.size() == 1 ? by_first.front()
                                                                  : nullptr;
        if (target == nullptr) {
            continue;
        }
        single.merged = true;
        target->mentions += single.mentions;
        target->first_seen = std::min(target->first_seen, single.first_seen);
        for (std::size_t k = 0; k < single.variants.size(); ++k) {
            target->variants.push_back(single.variants[k]);
            target->variant_mentions.push_back(single.variant_mentions[k]);
        }
    }

    std::vector<std::pair<std::size_t, Entity>> found;
    for (const auto& g : groups) {
        const auto type = g.type();
        if (g.merged || !type) {
            continue;
        }
        Entity e;
        e.type = *type;
        e.variants = g.variants;
        e.mentions = g.mentions;
        if (g.entry != nullptr) {
            e.name = g.entry->name;
        } else {
            // The fullest spelling names it: most words, then most mentions, then first seen.
            std::size_t best = 0;
            for (std::size_t k = 1; k < g.variants.size(); ++k) {
                const auto words = [](const std::string& s) {
                    return std::count(s.begin(), s.end(), ' ');
                };
                const auto wk = words(g.variants[k]);
                const auto wb = words(g.variants[best]);
                if (wk > wb || (wk == wb && g.variant_mentions[k] > g.variant_mentions[best])) {
                    best = k;
                }
            }
            e.name = g.variants[best];
        }
        found.emplace_back(g.first_seen, std::move(e));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.second.mentions != b.second.mentions ? a.second.mentions > b.second.mentions
                                                      : a.first < b.first;
    });
    std::vector<Entity> result;
    result.reserve(found.size());
    for (auto& [order, e] : found) {
        result.push_back(std::move(e));
    }
    return result;
}

Result<std::shared_ptr<const EntityExtractor>> load_entity_extractor(
    const std::string& gazetteer_path, const std::string& model_path) {
    auto aliases = entities::load_gazetteer(gazetteer_path);
    if (!aliases) {
        return tl::unexpected(aliases.error());
    }
    auto model = model_path.empty() ? ner::Model::builtin() : ner::Model::load(model_path);
    if (!model) {
        return tl::unexpected(model.error());
    }
    return std::make_shared<const EntityExtractor>(std::move(*model), std::move(*aliases));
}

}  // namespace gazette::indexer
