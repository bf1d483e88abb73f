#include "searcher/query_binder.hpp"

#include "common/dates.hpp"
#include "common/entity_names.hpp"
#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"
#include "common/text/compound.hpp"
#include "searcher/compounds.hpp"
#include "searcher/entity_spellings.hpp"
#include "searcher/implied_phrases.hpp"
#include "searcher/synonyms.hpp"
#include "searcher/wildcards.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace gazette::search {
namespace {

using query::Node;
using query::NodeKind;

/// An empty optional is a part of the query that matches nothing on its own, such as a word
/// made only of punctuation: it is left out of its parent.
using Part = std::optional<Xapian::Query>;

/// How much an unquoted hyphenated word ("human-wave") adds for its words standing together, as
/// a share of their own weight. 0.25 was best of 0, 0.25 and 0.5 on the judged collections.
constexpr double kCompoundBonus = 0.25;

/// The most words a wildcard (zelensk*) stands for: its most frequent ones, so that a short start
/// ("tr*") stays one bounded OP_SYNONYM instead of thousands of words.
constexpr Xapian::termcount kWildcardWords = 100;

/// The shortest word start a wildcard takes, in bytes of its folded form.
constexpr std::size_t kWildcardMinBytes = 2;

/// A date span of more years, months and days than this is matched as a value range instead.
constexpr std::size_t kMaxDatePieces = 64;

/// True when the words of `text` are joined by hyphens only ("human-wave", not "a/b").
bool is_hyphenated(std::string_view text, const std::vector<text::Token>& tokens) {
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const std::size_t gap = tokens[i - 1].end;
        if (!text::is_compound_joint(text.substr(gap, tokens[i].begin - gap))) {
            return false;
        }
    }
    return true;
}

class Binder {
  public:
    Binder(text::Analyzer& analyzer,
           SynonymExpander* synonyms,
           const entities::AliasTable* aliases,
           const MentionYears& mention_years)
        : analyzer_(analyzer),
          synonyms_(synonyms),
          aliases_(aliases),
          mention_years_(mention_years) {}

    Result<Part> bind(const Node& node) {
        switch (node.kind) {
            case NodeKind::Word:
                return node.wildcard ? bind_wildcard(node.text, schema::prefix::kBody, "")
                                     : bind_word(node.text, node.exact);
            case NodeKind::Phrase:
                return bind_phrase(node.text);
            case NodeKind::Field:
                return bind_field(node);
            case NodeKind::All:
                return Part(Xapian::Query::MatchAll);
            case NodeKind::Near:
            case NodeKind::Adjacent:
                return bind_proximity(node);
            default:
                return bind_operator(node);
        }
    }

    Highlight highlight;
    bool ranked = false;
    std::size_t words = 0;

  private:
    void count_words(const std::vector<std::string>& terms) {
        for (const auto& t : terms) {
            words += text::Analyzer::is_stopword(t) ? 0 : 1;
        }
    }

    std::vector<std::string> terms_of(std::string_view text) {
        std::vector<std::string> terms;
        analyzer_.for_each_token(text, [&](const text::Token& t) { terms.push_back(t.term); });
        return terms;
    }

    Xapian::Query phrase_of(const std::vector<std::string>& terms, std::string_view prefix) const {
        std::vector<Xapian::Query> parts;
        for (const auto& t : terms) {
            parts.emplace_back(schema::word_term(prefix, t));
        }
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), terms.size());
    }

    /// A word start written with '*' (zelensk*): the words it begins, most frequent first up to
    /// kWildcardWords, unstemmed, joined by `combiner`: OP_SYNONYM where it ranks (a report
    /// ranks as if it used one word), so Zelensky, Zelenskyy and Zelenskiy all match and are
    /// marked; OP_OR inside NEAR and ADJ.
    Result<Part> bind_wildcard(const std::string& text,
                               std::string_view prefix,
                               std::string_view field,
                               Xapian::Query::op combiner = Xapian::Query::OP_SYNONYM) {
        const std::string written = std::string(field) + text + "*";
        const auto terms = terms_of(text);
        if (terms.size() != 1) {
            return fail(ErrorCode::Query,
                        "'" + written + "': a '*' ends one word",
                        terms.empty() ? "write the start of a word before it, e.g. zelensk*"
                                      : "quote the words before it as a phrase, or search "
                                        "them as words");
        }
        if (terms.front().size() < kWildcardMinBytes) {
            return fail(
                ErrorCode::Query,
                "'" + written + "' is too short a word start",
                "write at least " + std::to_string(kWildcardMinBytes) + " letters before the '*'");
        }
        ranked = true;
        count_words(terms);
        const std::string start = schema::word_term(prefix, terms.front());
        if (synonyms_ == nullptr) {
            // No database to look the words up in (a query bound on its own): Xapian's, which
            // NEAR and ADJ do not take (they take terms), so there the start stands for itself.
            if (combiner != Xapian::Query::OP_SYNONYM) {
                return Part(Xapian::Query(start));
            }
            return Part(Xapian::Query(Xapian::Query::OP_WILDCARD,
                                      start,
                                      kWildcardWords,
                                      Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                                      combiner));
        }
        std::vector<Xapian::Query> begun;
        for (const auto& term : wildcard_terms(synonyms_->database(), start, kWildcardWords)) {
            highlight.words.insert(term.substr(prefix.size()));
            begun.emplace_back(term);
        }
        if (begun.empty()) {
            return Part(Xapian::Query::MatchNothing);
        }
        return Part(Xapian::Query(combiner, begun.begin(), begun.end()));
    }

    Result<Part> bind_word(const std::string& word, bool exact) {
        auto bound = bind_word_alone(word, exact);
        return exact ? bound : with_entity_spellings(word, std::move(bound));
    }

    Result<Part> bind_word_alone(const std::string& word, bool exact) {
        const auto tokens = analyzer_.tokenize(word);
        if (tokens.empty()) {
            return Part();
        }
        ranked = true;
        std::vector<std::string> terms;
        for (const auto& t : tokens) {
            terms.push_back(t.term);
        }
        count_words(terms);
        if (terms.size() > 1) {
            if (!exact && is_hyphenated(word, tokens)) {
                return bind_hyphenated(terms);
            }
            // "=human-wave", "U.S./NATO": the parts as a phrase, as Xapian's parser does.
            return bind_terms_as_phrase(terms);
        }
        const std::string& term = terms.front();
        // Title words are indexed unprefixed too (weighted up), so one term covers both.
        if (exact) {
            highlight.words.insert(term);
            return Part(Xapian::Query(schema::word_term(schema::prefix::kBody, term)));
        }
        if (synonyms_ != nullptr) {
            return Part(synonyms_->word(term, highlight));
        }
        const std::string& stem = analyzer_.stem(term);
        highlight.stems.insert(stem);
        return Part(Xapian::Query(schema::stem_term(schema::prefix::kBody, stem)));
    }

    /// An unquoted hyphenated word ("human-wave"): each of its words ranks as a word, and the
    /// compound, however written, adds a little.
    Result<Part> bind_hyphenated(const std::vector<std::string>& terms) {
        std::vector<Xapian::Query> parts;
        for (const auto& term : terms) {
            const std::string& stem = analyzer_.stem(term);
            highlight.stems.insert(stem);
            parts.emplace_back(schema::stem_term(schema::prefix::kBody, stem));
        }
        parts.emplace_back(
            Xapian::Query::OP_SCALE_WEIGHT, compound_query(terms, analyzer_), kCompoundBonus);
        return Part(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    }

    Result<Part> bind_terms_as_phrase(const std::vector<std::string>& terms) {
        highlight.words.insert(terms.begin(), terms.end());
        return Part(phrase_of(terms, schema::prefix::kBody));
    }

    /// A name of several words among free-text words ("Kim Jong Un"): the phrase, and the
    /// entity's other spellings.
    Result<Part> bind_name(const std::string& text) {
        return with_entity_spellings(text, bind_phrase(text));
    }

    /// A quoted phrase: its words in order and in the forms written, or written as one
    /// hyphenated or solid compound ("human waves" finds "human-wave"); never synonyms nor an
    /// entity's other spellings (asked for exactly, it is matched as written).
    Result<Part> bind_phrase(const std::string& text) {
        const auto terms = terms_of(text);
        if (terms.empty()) {
            return Part();
        }
        ranked = true;
        if (terms.size() == 1) {
            return bind_word_alone(terms.front(), true);
        }
        count_words(terms);
        highlight.words.insert(terms.begin(), terms.end());
        if (!text::join_compound(terms).empty()) {
            // The compound matches in either number: mark "human-wave" for "human waves".
            for (const auto& term : terms) {
                highlight.stems.insert(analyzer_.stem(term));
            }
        }
        return Part(compound_query(terms, analyzer_));
    }

    // -- Entity names ---------------------------------------------------------------------
    // A name in free text also finds its other spellings (Syrsky: Syrskyi; DPRK: North Korea),
    // as one OP_SYNONYM; entity filters (person:Syrsky) resolve any spelling to the entity.

    /// @return `bound` widened to the other spellings of the entity `text` names, if any.
    Result<Part> with_entity_spellings(const std::string& text, Result<Part> bound) {
        if (!bound || !*bound) {
            return bound;
        }
        const auto spellings = entity_spellings(text, aliases_);
        if (spellings.empty()) {
            return bound;
        }
        // The words index has no case, so a short name ("US", "U.S.") is its word ("us") only
        // in the reports where the indexer found the entity, which it finds as written.
        const std::string entity = gazetteer_entity_key(text, aliases_);
        const auto where_named = [&](Xapian::Query word) {
            if (entity.empty()) {
                return word;
            }
            return Xapian::Query(
                Xapian::Query::OP_FILTER,
                std::move(word),
                Xapian::Query(schema::entity_term(schema::prefix::kEntity, entity)));
        };
        // A short word, whatever its spelling ("U.S.A." is the word "usa").
        const auto is_short = [&](const std::string& spelling) {
            const auto terms = terms_of(spelling);
            return terms.size() == 1 && entities::is_as_written_key(terms.front());
        };
        // The synonyms file may list some of these spellings too (DPRK ~ North Korea): each
        // alternative is kept once, so that a report's occurrences of it count once.
        std::vector<Xapian::Query> alternatives;
        std::set<std::string> seen;
        const auto add = [&](const Xapian::Query& alternative) {
            if (seen.insert(alternative.get_description()).second) {
                alternatives.push_back(alternative);
            }
        };
        const Xapian::Query& own = **bound;
        const bool own_short = is_short(text);
        if (own_short) {
            for (const auto& term : terms_of(text)) {
                highlight.stems.erase(analyzer_.stem(term));
            }
            highlight.written.insert(text);
        }
        if (own.get_type() == Xapian::Query::OP_SYNONYM) {
            for (std::size_t i = 0; i < own.get_num_subqueries(); ++i) {
                add(own_short ? where_named(own.get_subquery(i)) : own.get_subquery(i));
            }
        } else {
            add(own_short ? where_named(own) : own);
        }
        for (const auto& spelling : spellings) {
            auto terms = terms_of(spelling);
            if (terms.size() == 1) {
                const std::string& stem = analyzer_.stem(terms.front());
                Xapian::Query word(schema::stem_term(schema::prefix::kBody, stem));
                if (is_short(spelling)) {
                    highlight.written.insert(spelling);
                    add(where_named(std::move(word)));
                } else {
                    highlight.stems.insert(stem);
                    add(word);
                }
            } else if (!terms.empty()) {
                // "united states of america": "of" alone is no sign of it.
                for (const auto& term : terms) {
                    if (!text::Analyzer::is_stopword(term)) {
                        highlight.words.insert(term);
                    }
                }
                add(phrase_of(terms, schema::prefix::kBody));
            }
        }
        // "donald trump" beside Ztrump, "volodymyr zelensky" beside Zzelenski: the phrase finds
        // nothing more, and checking its positions costs much.
        alternatives = without_implied_phrases(std::move(alternatives), analyzer_);
        if (alternatives.size() == 1) {
            return Part(std::move(alternatives.front()));
        }
        return Part(
            Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end()));
    }

    /// @return the texts of `count` children from `first` on, joined by spaces.
    static std::string words_from(const std::vector<Node>& children,
                                  std::size_t first,
                                  std::size_t count) {
        std::string text;
        for (std::size_t k = first; k < first + count; ++k) {
            text += (text.empty() ? "" : " ") + children[k].text;
        }
        return text;
    }

    /// @return how many plain words from `children[first]` on spell one name the gazetteer
    /// lists (Kim Jong Un), or 0.
    std::size_t known_name_at(const std::vector<Node>& children, std::size_t first) const {
        constexpr std::size_t kLongestName = 6;
        for (std::size_t len = std::min(kLongestName, children.size() - first); len >= 2; --len) {
            std::string name;
            bool plain = true;
            for (std::size_t k = first; k < first + len && plain; ++k) {
                plain = is_plain_word(children[k]);
                name += (name.empty() ? "" : " ") + children[k].text;
            }
            if (plain && is_known_name(name, aliases_)) {
                return len;
            }
        }
        return 0;
    }

    Result<Part> bind_entity_field(const schema::Field& field, const std::string& value) {
        const std::string key = entity_filter_key(value, aliases_);
        if (key.empty()) {
            return fail(ErrorCode::Query,
                        "'" + std::string(field.name) + ":' needs a name",
                        "e.g. " + std::string(field.example));
        }
        return Part(Xapian::Query(schema::entity_term(field.prefix, key)));
    }

    Result<Part> bind_field(const Node& node) {
        const schema::Field* field = schema::find_field(node.field);
        if (field == nullptr) {
            return fail(ErrorCode::Query, "unknown field '" + node.field + "'", "");
        }
        if (node.wildcard) {
            if (field->kind == schema::FieldKind::Text) {
                return bind_wildcard(node.text, field->prefix, node.field + ":");
            }
            return fail(ErrorCode::Query,
                        "'" + node.field + ":" + node.text + "*': a '*' works on words and " +
                            "title: words, not on " + node.field + ":",
                        "write the value in full, e.g. " + std::string(field->example));
        }
        switch (field->kind) {
            case schema::FieldKind::Date: {
                auto range = date_range_query(node.text);
                if (!range) {
                    return tl::unexpected(range.error());
                }
                return Part(std::move(*range));
            }
            case schema::FieldKind::MentionedDate: {
                auto span = parse_date_spec(node.text);
                if (!span) {
                    return tl::unexpected(span.error());
                }
                return Part(mentioned_span_query(*span, years_for(*span)));
            }
            case schema::FieldKind::Boolean:
                return Part(Xapian::Query(schema::boolean_term(*field, node.text)));
            case schema::FieldKind::Entity:
                return bind_entity_field(*field, node.text);
            case schema::FieldKind::Text:
                break;
        }
        const auto terms = terms_of(node.text);
        if (terms.empty()) {
            return Part();
        }
        ranked = true;
        if (terms.size() > 1) {
            highlight.words.insert(terms.begin(), terms.end());
            return Part(phrase_of(terms, field->prefix));
        }
        const std::string& stem = analyzer_.stem(terms.front());
        highlight.stems.insert(stem);
        return Part(Xapian::Query(schema::stem_term(field->prefix, stem)));
    }

    Result<Part> bind_proximity(const Node& node) {
        std::vector<Xapian::Query> parts;
        for (const auto& child : node.children) {
            if (child.wildcard) {
                auto begun =
                    bind_wildcard(child.text, schema::prefix::kBody, "", Xapian::Query::OP_OR);
                if (!begun) {
                    return begun;
                }
                parts.push_back(std::move(**begun));
                continue;
            }
            for (const auto& term : terms_of(child.text)) {
                highlight.words.insert(term);
                parts.emplace_back(schema::word_term(schema::prefix::kBody, term));
            }
        }
        if (parts.empty()) {
            return Part();
        }
        ranked = true;
        const auto op =
            node.kind == NodeKind::Near ? Xapian::Query::OP_NEAR : Xapian::Query::OP_PHRASE;
        const auto window = std::max<Xapian::termcount>(
            node.window + 1, static_cast<Xapian::termcount>(parts.size()));
        return Part(Xapian::Query(op, parts.begin(), parts.end(), window));
    }

    /// A listed multi-word synonym ("north korea", "pull back") among plain words from `start`.
    std::optional<SynonymExpander::PhraseMatch> listed_phrase_at(const std::vector<Node>& children,
                                                                 std::size_t start) {
        std::vector<std::string> terms;
        for (std::size_t i = start; i < children.size(); ++i) {
            const Node& child = children[i];
            if (!is_plain_word(child)) {
                break;
            }
            const auto child_terms = terms_of(child.text);
            if (child_terms.size() != 1) {
                break;
            }
            terms.push_back(child_terms.front());
        }
        if (terms.size() < 2) {
            return std::nullopt;
        }
        auto match = synonyms_->phrase_at(terms, 0, highlight);
        if (match) {
            ranked = true;
            count_words({terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(match->words)});
        }
        return match;
    }

    /// A word as written: not =exact, not a wildcard.
    static bool is_plain_word(const Node& node) {
        return node.kind == NodeKind::Word && !node.exact && !node.wildcard;
    }

    static bool is_stopword_node(const Node& node, text::Analyzer& analyzer) {
        if (!is_plain_word(node)) {
            return false;
        }
        std::vector<std::string> terms;
        analyzer.for_each_token(node.text, [&](const text::Token& t) { terms.push_back(t.term); });
        return terms.size() == 1 && text::Analyzer::is_stopword(terms.front());
    }

    Result<Part> bind_operator(const Node& node) {
        // Words like "the" rank nothing when other words are there to rank by.
        const bool drop_stopwords =
            node.kind == NodeKind::Or &&
            std::any_of(node.children.begin(), node.children.end(), [&](const Node& c) {
                return !is_stopword_node(c, analyzer_);
            });
        std::vector<Xapian::Query> parts;
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            const Node& child = node.children[i];
            if (node.kind == NodeKind::Or && synonyms_ != nullptr) {
                if (auto match = listed_phrase_at(node.children, i)) {
                    // A listed phrase that also names an entity ("north korea") takes its
                    // other spellings too.
                    auto part = with_entity_spellings(words_from(node.children, i, match->words),
                                                      Part(std::move(match->query)));
                    if (!part) {
                        return part;
                    }
                    parts.push_back(std::move(**part));
                    i += match->words - 1;
                    continue;
                }
            }
            if (node.kind == NodeKind::Or) {
                if (const std::size_t name_words = known_name_at(node.children, i);
                    name_words > 0) {
                    auto part = bind_name(words_from(node.children, i, name_words));
                    if (!part) {
                        return part;
                    }
                    if (*part) {
                        parts.push_back(std::move(**part));
                    }
                    i += name_words - 1;
                    continue;
                }
            }
            if (drop_stopwords && is_stopword_node(child, analyzer_)) {
                continue;
            }
            auto part = bind(child);
            if (!part) {
                return part;
            }
            if (!*part) {
                if (i == 0 && (node.kind == NodeKind::AndNot || node.kind == NodeKind::Filter ||
                               node.kind == NodeKind::AndMaybe)) {
                    return Part();  // nothing left to filter or subtract from
                }
                continue;
            }
            parts.push_back(std::move(**part));
        }
        if (parts.empty()) {
            return Part();
        }
        if (parts.size() == 1) {
            return Part(std::move(parts.front()));
        }
        switch (node.kind) {
            case NodeKind::And:
                return Part(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
            case NodeKind::Or:
                return Part(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
            case NodeKind::Xor:
                return Part(Xapian::Query(Xapian::Query::OP_XOR, parts.begin(), parts.end()));
            case NodeKind::AndNot:
                return Part(Xapian::Query(Xapian::Query::OP_AND_NOT, parts.begin(), parts.end()));
            case NodeKind::AndMaybe:
                return Part(Xapian::Query(Xapian::Query::OP_AND_MAYBE, parts.begin(), parts.end()));
            case NodeKind::Filter: {
                Xapian::Query filters(Xapian::Query::OP_AND, parts.begin() + 1, parts.end());
                return Part(Xapian::Query(Xapian::Query::OP_FILTER, parts.front(), filters));
            }
            default:
                return fail(ErrorCode::Internal, "unknown query operator", "");
        }
    }

    YearRange years_for(const DateSpan& span) {
        if (span.first && span.last) {
            return {span.first->year, span.last->year};
        }
        if (!known_years_) {
            known_years_ = mention_years_
                               ? mention_years_()
                               : YearRange{schema::kMinMentionYear, schema::kMaxMentionYear};
        }
        return *known_years_;
    }

    text::Analyzer& analyzer_;
    SynonymExpander* synonyms_;
    const entities::AliasTable* aliases_;
    const MentionYears& mention_years_;
    std::optional<YearRange> known_years_;
};

}  // namespace

query::FieldRole field_role(std::string_view name) {
    const schema::Field* field = schema::find_field(name);
    if (field == nullptr) {
        return query::FieldRole::None;
    }
    return field->kind == schema::FieldKind::Text ? query::FieldRole::Text
                                                  : query::FieldRole::Filter;
}

Result<Xapian::Query> date_range_query(std::string_view spec) {
    auto span = parse_date_spec(spec);
    if (!span) {
        return tl::unexpected(span.error());
    }
    const auto slot = schema::slot(schema::Slot::Date);
    if (span->first && span->last) {
        // As the years, months and days it covers: boolean terms, whose short posting lists
        // lead the match, where a value range has every candidate's date read.
        std::vector<Xapian::Query> pieces;
        for_each_span_piece(*span->first, *span->last, [&](SpanPiece piece, const CalendarDate& d) {
            const auto terms = schema::date_terms(d.year, d.month, d.day);  // year, month, day
            pieces.emplace_back(terms[static_cast<std::size_t>(piece)]);
        });
        if (pieces.size() <= kMaxDatePieces) {
            return Xapian::Query(Xapian::Query::OP_OR, pieces.begin(), pieces.end());
        }
        return Xapian::Query(
            Xapian::Query::OP_VALUE_RANGE, slot, span->first->compact(), span->last->compact());
    }
    if (span->first) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, span->first->compact());
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, span->last->compact());
}

Xapian::Query mentioned_span_query(const DateSpan& span, const YearRange& years) {
    const auto terms = mention_span_terms(span, years.first, years.last);
    if (terms.empty()) {
        return Xapian::Query::MatchNothing;
    }
    // A filter: which dates a report mentions says nothing about how well it matches.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                         0.0);
}

Result<BoundQuery> bind(const query::Node& root,
                        text::Analyzer& analyzer,
                        const entities::AliasTable* aliases,
                        const MentionYears& mention_years,
                        SynonymExpander* synonyms) {
    Binder binder(analyzer, synonyms, aliases, mention_years);
    auto part = binder.bind(root);
    if (!part) {
        return tl::unexpected(part.error());
    }
    BoundQuery bound;
    bound.query = part->value_or(Xapian::Query::MatchNothing);
    bound.highlight = std::move(binder.highlight);
    bound.ranked = binder.ranked;
    bound.words = binder.words;
    return bound;
}

}  // namespace gazette::search
