#include "common/text/analyzer.hpp"

#include "common/text/fast_words.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace gazette::text {
namespace {

constexpr std::size_t kStemCacheLimit = 200'000;

/// Typographic marks folded to their ASCII forms before matching.
UChar32 fold_mark(UChar32 c) {
    switch (c) {
        case 0x2018:  // ‘
        case 0x2019:  // ’
        case 0x201A:  // ‚
        case 0x201B:  // ‛
        case 0x2032:  // ′
        case 0x02BC:  // ʼ
        case 0x0060:  // `
        case 0x00B4:  // ´
            return '\'';
        case 0x201C:  // “
        case 0x201D:  // ”
        case 0x201E:  // „
        case 0x201F:  // ‟
        case 0x2033:  // ″
        case 0x00AB:  // «
        case 0x00BB:  // »
            return '"';
        case 0x2010:  // hyphen
        case 0x2011:  // non-breaking hyphen
        case 0x2012:  // figure dash
        case 0x2013:  // en dash
        case 0x2014:  // em dash
        case 0x2015:  // horizontal bar
        case 0x2212:  // minus sign
        case 0xFE63:
        case 0xFF0D:
            return '-';
        default:
            return c;
    }
}

/// Letters that carry no combining mark to strip but should match their base letter.
const char* fold_letter(UChar32 c) {
    switch (c) {
        case 0x0142:  // ł
            return "l";
        case 0x0111:  // đ
            return "d";
        case 0x00F8:  // ø
            return "o";
        case 0x00E6:  // æ
            return "ae";
        case 0x0153:  // œ
            return "oe";
        case 0x0131:  // ı
            return "i";
        case 0x00FE:  // þ
            return "th";
        default:
            return nullptr;
    }
}

std::string fold_unicode(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
        return std::string(utf8);
    }
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString composed = nfkc->normalize(in, status);
    composed.foldCase();
    icu::UnicodeString decomposed = nfd->normalize(composed, status);
    if (U_FAILURE(status)) {
        return std::string(utf8);
    }
    icu::UnicodeString out;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue;
        }
        if (const char* base = fold_letter(c)) {
            out.append(icu::UnicodeString(base));
            continue;
        }
        out.append(fold_mark(c));
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

/// Turns a folded word into its term: possessive "'s" and edge apostrophes dropped, digit
/// grouping commas dropped ("11,000" -> "11000"), dots of acronyms dropped ("u.s" -> "us").
void shape_term(std::string& term) {
    while (!term.empty() && term.back() == '\'') {
        term.pop_back();
    }
    while (!term.empty() && term.front() == '\'') {
        term.erase(term.begin());
    }
    if (term.size() > 2 && term.compare(term.size() - 2, 2, "'s") == 0) {
        term.resize(term.size() - 2);
    }
    if (term.find_first_of(".,") == std::string::npos) {
        return;
    }
    // Compact in place: a character is only read after every write before it, so the neighbours
    // looked at are still the original ones.
    std::size_t out = 0;
    for (std::size_t i = 0; i < term.size(); ++i) {
        const char c = term[i];
        const bool between_digits = i > 0 && i + 1 < term.size() &&
                                    std::isdigit(static_cast<unsigned char>(term[i - 1])) &&
                                    std::isdigit(static_cast<unsigned char>(term[i + 1]));
        if ((c == ',' && between_digits) || (c == '.' && !between_digits)) {
            continue;
        }
        term[out++] = c;
    }
    term.resize(out);
}

/// Folds ASCII text, and text whose only other characters are the quotes ’ and ‘ (English
/// possessives), without ICU. @return false when the text needs ICU.
bool fold_simple(std::string_view utf8, std::string& out) {
    out.resize(utf8.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A'))
                                            : (c == '`' ? '\'' : static_cast<char>(c));
        } else if (c == 0xE2 && i + 2 < utf8.size() &&
                   static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(utf8[i + 2]) == 0x98 ||
                    static_cast<unsigned char>(utf8[i + 2]) == 0x99)) {
            out[n++] = '\'';
            i += 2;
        } else {
            return false;
        }
    }
    out.resize(n);
    return true;
}

}  // namespace

std::string fold(std::string_view utf8) {
    std::string out;
    if (fold_simple(utf8, out)) {
        return out;
    }
    return fold_unicode(utf8);
}

std::string fold_key(std::string_view utf8) {
    const std::string folded = fold(utf8);
    std::string key;
    key.reserve(folded.size());
    bool pending_space = false;
    for (const char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || std::isalnum(u) || c == '&' || c == '+' || c == '@';
        if (!keep) {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) {
            key.push_back(' ');
            pending_space = false;
        }
        key.push_back(c);
    }
    return key;
}

Analyzer::Analyzer() : stemmer_("english") {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) {
        words_.reset();
    }
}

Analyzer::~Analyzer() = default;

void Analyzer::for_each_token(std::string_view text,
                              const std::function<void(const Token&)>& emit) {
    // ICU breaks words at every line end, so each line can take the fast path on its own.
    std::size_t line_begin = 0;
    while (line_begin < text.size()) {
        std::size_t line_end = text.find('\n', line_begin);
        if (line_end == std::string_view::npos) {
            line_end = text.size();
        }
        const std::string_view line = text.substr(line_begin, line_end - line_begin);
        if (find_simple_words(line, spans_)) {
            for (const auto& [begin, end] : spans_) {
                emit_word(text, line_begin + begin, line_begin + end, emit);
            }
        } else {
            for_each_icu_word(line, line_begin, text, emit);
        }
        line_begin = line_end + 1;
    }
}

void Analyzer::for_each_token_icu(std::string_view text,
                                  const std::function<void(const Token&)>& emit) {
    for_each_icu_word(text, 0, text, emit);
}

void Analyzer::emit_word(std::string_view text,
                         std::size_t begin,
                         std::size_t end,
                         const std::function<void(const Token&)>& emit) {
    const std::string_view word = text.substr(begin, end - begin);
    if (!fold_simple(word, token_.term)) {
        token_.term = fold_unicode(word);
    }
    shape_term(token_.term);
    if (token_.term.empty()) {
        return;
    }
    token_.begin = begin;
    token_.end = end;
    emit(token_);
}

void Analyzer::for_each_icu_word(std::string_view part,
                                 std::size_t offset,
                                 std::string_view text,
                                 const std::function<void(const Token&)>& emit) {
    if (part.empty() || !words_) {
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, part.data(), static_cast<int64_t>(part.size()), &status);
    if (U_FAILURE(status)) {
        return;
    }
    words_->setText(ut, status);
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
        if (words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
            emit_word(text,
                      offset + static_cast<std::size_t>(start),
                      offset + static_cast<std::size_t>(end),
                      emit);
        }
    }
    utext_close(ut);
}

std::vector<Token> Analyzer::tokenize(std::string_view text) {
    std::vector<Token> tokens;
    for_each_token(text, [&](const Token& t) { tokens.push_back(t); });
    return tokens;
}

const std::string& Analyzer::stem(const std::string& term) {
    if (auto it = stem_cache_.find(term); it != stem_cache_.end()) {
        return it->second;
    }
    if (stem_cache_.size() >= kStemCacheLimit) {
        stem_cache_.clear();
    }
    const bool has_digit = std::any_of(term.begin(), term.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
    return stem_cache_.emplace(term, has_digit ? term : stemmer_(term)).first->second;
}

bool Analyzer::is_stopword(std::string_view term) {
    // Sorted: binary search. The usual English function words (Xapian's and Snowball's lists).
    static constexpr std::array<std::string_view, 116> kStopwords = {
        "a",     "about",   "above",  "after",  "again",   "against", "all",   "am",     "an",
        "and",   "any",     "are",    "as",     "at",      "be",      "been",  "before", "being",
        "below", "between", "both",   "but",    "by",      "can",     "could", "did",    "do",
        "does",  "doing",   "down",   "during", "each",    "few",     "for",   "from",   "further",
        "had",   "has",     "have",   "having", "he",      "her",     "here",  "hers",   "herself",
        "him",   "himself", "his",    "how",    "i",       "if",      "in",    "into",   "is",
        "it",    "its",     "itself", "me",     "more",    "most",    "my",    "myself", "no",
        "nor",   "not",     "of",     "off",    "on",      "once",    "only",  "or",     "other",
        "our",   "ours",    "out",    "over",   "own",     "same",    "she",   "should", "so",
        "some",  "such",    "than",   "that",   "the",     "their",   "them",  "then",   "there",
        "these", "they",    "this",   "those",  "through", "to",      "too",   "under",  "until",
        "up",    "very",    "was",    "we",     "were",    "what",    "when",  "where",  "which",
        "while", "who",     "whom",   "why",    "will",    "with",    "would", "you"};
    return std::binary_search(kStopwords.begin(), kStopwords.end(), term);
}

Analyzer& thread_analyzer() {
    thread_local Analyzer analyzer;
    return analyzer;
}

}  // namespace gazette::text
