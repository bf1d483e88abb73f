#include "indexer/date_extractor.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <string>

namespace gazette::indexer {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokens: words (ASCII letters), numbers (digits) and single marks (anything else, one UTF-8
// character), with byte offsets. Dates are written in ASCII; other letters only end words.

enum class TokenKind { Word, Number, Mark };

struct Token {
    std::string_view text;  ///< as written
    std::string lower;      ///< ASCII lower case
    std::size_t begin = 0;
    std::size_t end = 0;
    TokenKind kind = TokenKind::Mark;
    bool spaced = false;        ///< whitespace before it
    bool clause_start = false;  ///< first of a line, or after . ! ? ;
};

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    bool spaced = true;
    bool clause_start = true;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            spaced = true;
            clause_start = true;
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            spaced = true;
            ++i;
            continue;
        }
        if (text.substr(i, 2) == "\xC2\xA0") {  // no-break space: "Jan.&nbsp;19"
            spaced = true;
            i += 2;
            continue;
        }
        std::size_t j = i + 1;
        TokenKind kind = TokenKind::Mark;
        if (is_ascii_alpha(c)) {
            kind = TokenKind::Word;
            while (j < text.size() && is_ascii_alpha(text[j])) {
                ++j;
            }
        } else if (is_ascii_digit(c)) {
            kind = TokenKind::Number;
            while (j < text.size() && is_ascii_digit(text[j])) {
                ++j;
            }
        } else if ((static_cast<unsigned char>(c) & 0x80) != 0) {
            while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) {
                ++j;
            }
        }
        Token token;
        token.text = text.substr(i, j - i);
        token.lower = std::string(token.text);
        for (auto& ch : token.lower) {
            if (ch >= 'A' && ch <= 'Z') {
                ch = static_cast<char>(ch - 'A' + 'a');
            }
        }
        token.begin = i;
        token.end = j;
        token.kind = kind;
        token.spaced = spaced;
        token.clause_start = clause_start;
        tokens.push_back(std::move(token));
        spaced = false;
        clause_start = kind == TokenKind::Mark && (c == '.' || c == '!' || c == '?' || c == ';');
        i = j;
    }
    return tokens;
}

// ---------------------------------------------------------------------------------------------
// Words

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Prepositions a mention's text starts with when they stand right before it ("on Jan. 19").
constexpr std::array<std::string_view, 14> kPrepositions = {"on",
                                                            "in",
                                                            "since",
                                                            "by",
                                                            "until",
                                                            "till",
                                                            "through",
                                                            "throughout",
                                                            "during",
                                                            "from",
                                                            "before",
                                                            "after",
                                                            "for",
                                                            "over"};

/// Words that let a bare month, weekday, season or year be a date: the prepositions but "over"
/// ("in November", "since 2014", "by Friday"), and "early", "mid", "late". Without one, "May",
/// "August" and "2000" are more often something else.
bool is_trigger(std::string_view word) {
    return (word != "over" && one_of(word, kPrepositions)) || word == "early" || word == "mid" ||
           word == "late";
}

/// Words before a month used as an adjective: "their December deployment", "Ukraine's August
/// incursion" ("s" after an apostrophe).
constexpr std::array<std::string_view, 10> kDeterminers = {
    "the", "their", "its", "his", "her", "our", "my", "your", "s", "that"};

/// Words of the future: a yearless date in the same sentence after them leans to the future
/// ("forces could be wiped out by mid-April", "on hiatus until the fall").
constexpr std::array<std::string_view, 18> kFutureCues = {"will",
                                                          "shall",
                                                          "ll",
                                                          "could",
                                                          "would",
                                                          "might",
                                                          "may",
                                                          "upcoming",
                                                          "scheduled",
                                                          "expected",
                                                          "expects",
                                                          "plans",
                                                          "planned",
                                                          "plan",
                                                          "due",
                                                          "forthcoming",
                                                          "until",
                                                          "till"};

/// Lower-case words that may follow a year that is a date ("in 2022 the war", "since 2014 and").
/// Any other lower-case word makes it a count ("in 2000 troops", "1000 square kilometers").
constexpr std::array<std::string_view, 44> kAfterYear = {
    "and",     "or",      "but",       "the",     "a",     "an",   "when", "as",    "at",
    "after",   "before",  "that",      "which",   "who",   "in",   "on",   "for",   "with",
    "by",      "was",     "were",      "is",      "are",   "had",  "has",  "have",  "during",
    "until",   "while",   "where",     "because", "since", "from", "of",   "alone", "onward",
    "onwards", "through", "following", "amid",    "it",    "they", "to",   "there"};

/// Words after a year that make it a comparison, not a date ("prepared for war in 1980 at best").
constexpr std::array<std::string_view, 2> kHedges = {"best", "worst"};

std::optional<int> number_word(std::string_view word) {
    static constexpr std::array<std::string_view, 13> kNumbers = {"zero",
                                                                  "one",
                                                                  "two",
                                                                  "three",
                                                                  "four",
                                                                  "five",
                                                                  "six",
                                                                  "seven",
                                                                  "eight",
                                                                  "nine",
                                                                  "ten",
                                                                  "eleven",
                                                                  "twelve"};
    for (std::size_t i = 1; i < kNumbers.size(); ++i) {
        if (word == kNumbers[i]) {
            return static_cast<int>(i);
        }
    }
    if (word == "a" || word == "an") {
        return 1;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Spans and the choice among yearless occurrences

struct Span {
    CalendarDate first;
    CalendarDate last;
};

/// Which occurrence of a yearless date ("November", "summer", "Jan. 19") is meant.
enum class Choice {
    Nearest,  ///< the nearest to the publication date; a past one preferred
    Future,   ///< the nearest, a future one preferred (after a word of the future)
    Last,     ///< the latest that ended before it ("last August")
    Next,     ///< the first that starts after it ("next summer")
    This,     ///< the one holding it, else the one of its year ("this summer")
};

/// Parts of a month or a year: "early", "mid-", "late", "the end of".
enum class Part { Whole, Early, Mid, Late };

Span month_span(int year, int month, Part part) {
    const int end = days_in_month(year, month);
    switch (part) {
        case Part::Early:
            return {{year, month, 1}, {year, month, 10}};
        case Part::Mid:
            return {{year, month, 11}, {year, month, 20}};
        case Part::Late:
            return {{year, month, 21}, {year, month, end}};
        case Part::Whole:
            break;
    }
    return {{year, month, 1}, {year, month, end}};
}

Span year_span(int year, Part part) {
    switch (part) {
        case Part::Early:
            return {{year, 1, 1}, {year, 4, 30}};
        case Part::Mid:
            return {{year, 5, 1}, {year, 8, 31}};
        case Part::Late:
            return {{year, 9, 1}, {year, 12, 31}};
        case Part::Whole:
            break;
    }
    return {{year, 1, 1}, {year, 12, 31}};
}

/// Meteorological seasons of the northern hemisphere; a winter starts in December of `year`.
Span season_span(int first_month, int year) {
    if (first_month == 12) {
        return {{year, 12, 1}, {year + 1, 2, days_in_month(year + 1, 2)}};
    }
    const int last_month = first_month + 2;
    return {{year, first_month, 1}, {year, last_month, days_in_month(year, last_month)}};
}

/// @return the occurrence of a yearless date (make(year) gives it in a year, or nothing when it
/// does not exist that year, as 29 February) that `choice` picks around `published`.
template <class Make>
std::optional<Span> choose(Make make, Choice choice, const CalendarDate& published) {
    const long p = days_from_epoch(published);
    std::optional<Span> best;
    long best_cost = LONG_MAX;
    for (int year = published.year - 2; year <= published.year + 1; ++year) {
        const std::optional<Span> span = make(year);
        if (!span) {
            continue;
        }
        const long first = days_from_epoch(span->first);
        const long last = days_from_epoch(span->last);
        long cost = 0;
        switch (choice) {
            case Choice::Nearest:
                cost = last < p ? p - last : (first > p ? 2 * (first - p) : 0);
                break;
            case Choice::Future:
                cost = last < p ? 2 * (p - last) : (first > p ? first - p : 0);
                break;
            case Choice::Last:
                if (last >= p) {
                    continue;
                }
                cost = p - last;
                break;
            case Choice::Next:
                if (first <= p) {
                    continue;
                }
                cost = first - p;
                break;
            case Choice::This:
                if (first <= p && p <= last) {
                    cost = 0;
                } else if (year == published.year) {
                    cost = 1;
                } else {
                    continue;
                }
                break;
        }
        if (cost < best_cost) {
            best = span;
            best_cost = cost;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// Matching

struct Found {
    std::size_t first = 0;  ///< first token
    std::size_t end = 0;    ///< one past the last token
    Span span;
    DateGranularity granularity = DateGranularity::Day;
};

class Extractor {
  public:
    Extractor(std::string_view text, const std::optional<CalendarDate>& published)
        : text_(text), tokens_(tokenize(text)), published_(published) {}

    std::vector<MentionedDate> run() {
        std::vector<MentionedDate> mentions;
        std::size_t i = 0;
        while (i < tokens_.size() && mentions.size() < schema::kMaxMentionedDates) {
            const auto found = match(i);
            if (!found) {
                ++i;
                continue;
            }
            if (found->span.first.year >= schema::kMinMentionYear &&
                found->span.last.year <= schema::kMaxMentionYear) {
                const std::size_t first = extend_left(found->first);
                const std::size_t begin = tokens_[first].begin;
                const std::size_t end = tokens_[found->end - 1].end;
                mentions.push_back({found->span.first,
                                    found->span.last,
                                    found->granularity,
                                    std::string(text_.substr(begin, end - begin)),
                                    begin});
            }
            i = found->end;
        }
        return mentions;
    }

  private:
    // Token tests ------------------------------------------------------------------------------

    [[nodiscard]] bool valid(std::size_t i) const { return i < tokens_.size(); }

    [[nodiscard]] std::string_view word(std::size_t i) const {
        return valid(i) && tokens_[i].kind == TokenKind::Word ? std::string_view(tokens_[i].lower)
                                                              : std::string_view();
    }

    [[nodiscard]] bool is_word(std::size_t i, std::string_view lower) const {
        return !lower.empty() && word(i) == lower;
    }

    [[nodiscard]] bool is_mark(std::size_t i, std::string_view mark) const {
        return valid(i) && tokens_[i].kind == TokenKind::Mark && tokens_[i].text == mark;
    }

    [[nodiscard]] bool adjacent(std::size_t i) const { return valid(i) && !tokens_[i].spaced; }

    [[nodiscard]] bool capitalised(std::size_t i) const {
        return valid(i) && tokens_[i].kind == TokenKind::Word && tokens_[i].text[0] >= 'A' &&
               tokens_[i].text[0] <= 'Z';
    }

    [[nodiscard]] bool lower_case_word(std::size_t i) const {
        return valid(i) && tokens_[i].kind == TokenKind::Word && !capitalised(i);
    }

    [[nodiscard]] std::optional<int> number(std::size_t i,
                                            std::size_t min_digits,
                                            std::size_t max_digits) const {
        if (!valid(i) || tokens_[i].kind != TokenKind::Number) {
            return std::nullopt;
        }
        const std::string_view digits = tokens_[i].text;
        if (digits.size() < min_digits || digits.size() > max_digits) {
            return std::nullopt;
        }
        int value = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return value;
    }

    /// An apostrophe before token i ("Ukraine's", "Ukraine’s").
    [[nodiscard]] bool apostrophe(std::size_t i) const {
        return is_mark(i, "'") || is_mark(i, "\xE2\x80\x99");
    }

    /// A number that goes on as a bigger one: "5,000", "1000+", "40%", "5:30".
    [[nodiscard]] bool continues_as_number(std::size_t i) const {
        if (!adjacent(i)) {
            return false;
        }
        if (is_mark(i, "+") || is_mark(i, "%") || is_mark(i, ":")) {
            return true;
        }
        return (is_mark(i, ",") || is_mark(i, ".")) && adjacent(i + 1) && number(i + 1, 1, 9);
    }

    [[nodiscard]] bool trigger_before(std::size_t i) const {
        if (i == 0) {
            return false;
        }
        if (is_word(i - 1, "of") && i >= 2 && is_word(i - 2, "as")) {
            return true;  // "as of"
        }
        return is_trigger(word(i - 1));
    }

    /// A word of the future earlier in the same sentence.
    [[nodiscard]] bool future_cue(std::size_t first) const {
        for (std::size_t n = 0; n < 25 && first > 0; ++n) {
            const Token& t = tokens_[--first];
            if (t.kind == TokenKind::Mark &&
                (t.text == "." || t.text == "!" || t.text == "?" || t.text == ";")) {
                return false;
            }
            // Lower case only: "Will" and "May" in the middle of a sentence are names.
            if (t.kind == TokenKind::Word && (t.text == t.lower || t.clause_start) &&
                one_of(std::string_view(t.lower), kFutureCues)) {
                return true;
            }
            if (t.clause_start) {
                return false;
            }
        }
        return false;
    }

    [[nodiscard]] std::size_t extend_left(std::size_t first) const {
        if (first >= 2 && is_word(first - 2, "as") && is_word(first - 1, "of")) {
            return first - 2;
        }
        if (first >= 1 && one_of(word(first - 1), kPrepositions)) {
            return first - 1;
        }
        return first;
    }

    // Pieces of dates --------------------------------------------------------------------------

    struct Piece {
        int value = 0;
        std::size_t end = 0;
    };

    /// A month name, capitalised; abbreviations ("Jan.", "Sept") only when `abbreviated`.
    [[nodiscard]] std::optional<Piece> month_at(std::size_t i, bool abbreviated) const {
        if (!capitalised(i)) {
            return std::nullopt;
        }
        const auto name = month_from_name(word(i));
        if (!name || (name->abbreviated && !abbreviated)) {
            return std::nullopt;
        }
        const bool dot = name->abbreviated && is_mark(i + 1, ".");
        return Piece{name->month, dot ? i + 2 : i + 1};
    }

    /// A day of the month: "19", "19th".
    [[nodiscard]] std::optional<Piece> day_at(std::size_t i) const {
        const auto day = number(i, 1, 2);
        if (!day || *day < 1 || *day > 31) {
            return std::nullopt;
        }
        std::size_t end = i + 1;
        const std::string_view suffix = word(end);
        if (adjacent(end) &&
            (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
            ++end;
        }
        if (continues_as_number(end) || (adjacent(end) && tokens_[end].kind == TokenKind::Word)) {
            return std::nullopt;
        }
        return Piece{*day, end};
    }

    [[nodiscard]] static bool plausible_year(int year) {
        return year >= schema::kMinMentionYear && year <= schema::kMaxMentionYear;
    }

    /// A year right after a month or season: "2022", ", 2022", "of 2022".
    [[nodiscard]] std::optional<Piece> year_after(std::size_t i) const {
        std::size_t k = i;
        if (is_mark(k, ",") || is_word(k, "of")) {
            ++k;
        }
        const auto year = number(k, 4, 4);
        if (!year || !plausible_year(*year) || continues_as_number(k + 1)) {
            return std::nullopt;
        }
        return Piece{*year, k + 1};
    }

    /// "last year", "of this year", "next year" after a month: the year relative to the
    /// publication year.
    [[nodiscard]] std::optional<Piece> relative_year_after(std::size_t i) const {
        std::size_t k = is_word(i, "of") ? i + 1 : i;
        if (!is_word(k + 1, "year")) {
            return std::nullopt;
        }
        const std::string_view w = word(k);
        const int offset = w == "last" ? -1 : w == "this" ? 0 : w == "next" ? 1 : 2;
        if (offset == 2) {
            return std::nullopt;
        }
        return Piece{offset, k + 2};
    }

    // Patterns ---------------------------------------------------------------------------------

    std::optional<Found> match(std::size_t i) const {
        const Token& t = tokens_[i];
        if (t.kind == TokenKind::Number) {
            if (auto f = match_numeric(i)) {
                return f;
            }
            if (auto f = match_day_month(i)) {
                return f;
            }
            if (auto f = match_ago(i)) {
                return f;
            }
            return match_year(i, i, Part::Whole);
        }
        if (t.kind != TokenKind::Word) {
            return std::nullopt;
        }
        for (auto pattern : {&Extractor::match_relative,
                             &Extractor::match_ago,
                             &Extractor::match_month,
                             &Extractor::match_weekday,
                             &Extractor::match_season,
                             &Extractor::match_year_part}) {
            if (auto f = (this->*pattern)(i)) {
                return f;
            }
        }
        return std::nullopt;
    }

    /// "2025-01-31", "31/01/2025", "31.01.2025", and the US "1/31/2025" when day-first is not a
    /// day.
    std::optional<Found> match_numeric(std::size_t i) const {
        if (const auto y = number(i, 4, 4); y && is_mark(i + 1, "-") && adjacent(i + 1) &&
                                            adjacent(i + 2) && is_mark(i + 3, "-") &&
                                            adjacent(i + 3) && adjacent(i + 4)) {
            const auto m = number(i + 2, 2, 2);
            const auto d = number(i + 4, 2, 2);
            const CalendarDate date{*y, m.value_or(0), d.value_or(0)};
            if (m && d && is_real_day(date)) {
                return Found{i, i + 5, {date, date}, DateGranularity::Day};
            }
            return std::nullopt;
        }
        const auto a = number(i, 1, 2);
        if (!a || !valid(i + 4) || !(is_mark(i + 1, "/") || is_mark(i + 1, "."))) {
            return std::nullopt;
        }
        const std::string_view sep = tokens_[i + 1].text;
        const auto b = number(i + 2, 1, 2);
        const auto y = number(i + 4, 4, 4);
        if (!b || !y || !is_mark(i + 3, sep) || !adjacent(i + 1) || !adjacent(i + 2) ||
            !adjacent(i + 3) || !adjacent(i + 4) || continues_as_number(i + 5)) {
            return std::nullopt;
        }
        for (const CalendarDate date : {CalendarDate{*y, *b, *a}, CalendarDate{*y, *a, *b}}) {
            if (is_real_day(date)) {
                return Found{i, i + 5, {date, date}, DateGranularity::Day};
            }
        }
        return std::nullopt;
    }

    /// A day and a month, with or without a year: "19 January", "19th of Jan. 2025", and
    /// (from match_month) "Jan. 19", "January 31, 2025".
    std::optional<Found> day_found(
        std::size_t first, std::size_t end, int month, int day, Choice choice) const {
        if (const auto year = year_after(end)) {
            const CalendarDate date{year->value, month, day};
            if (!is_real_day(date)) {
                return std::nullopt;
            }
            return Found{first, year->end, {date, date}, DateGranularity::Day};
        }
        if (!published_) {
            return std::nullopt;
        }
        const auto span = choose(
            [&](int year) -> std::optional<Span> {
                const CalendarDate date{year, month, day};
                return is_real_day(date) ? std::optional<Span>(Span{date, date}) : std::nullopt;
            },
            choice,
            *published_);
        if (!span) {
            return std::nullopt;
        }
        return Found{first, end, *span, DateGranularity::Day};
    }

    std::optional<Found> match_day_month(std::size_t i) const {
        const auto day = day_at(i);
        if (!day) {
            return std::nullopt;
        }
        std::size_t k = day->end;
        if (is_word(k, "of")) {
            ++k;
        }
        const auto month = month_at(k, true);
        if (!month) {
            return std::nullopt;
        }
        return day_found(i, month->end, month->value, day->value, choice_at(i, Choice::Nearest));
    }

    /// The choice for an occurrence with no word of its own: the next one after a word of the
    /// future, else `fallback`.
    [[nodiscard]] Choice choice_at(std::size_t first, Choice fallback) const {
        return fallback == Choice::Nearest && future_cue(first) ? Choice::Future : fallback;
    }

    /// Months: "in November", "last August", "mid-January", "in late October", "the end of
    /// March", "February 2022", "November last year", "their December deployment", and month
    /// and day: "Jan. 19", "January 31, 2025".
    std::optional<Found> match_month(std::size_t i) const {
        std::size_t k = i;
        Choice choice = Choice::Nearest;
        Part part = Part::Whole;
        const std::string_view w = word(k);
        if (w == "last" || w == "next" || w == "this") {
            choice = w == "last" ? Choice::Last : w == "next" ? Choice::Next : Choice::This;
            ++k;
            if (choice == Choice::This && is_word(k, "past")) {
                choice = Choice::Last;  // "this past November"
                ++k;
            }
        } else if (w == "early" || w == "mid" || w == "late") {
            part = w == "early" ? Part::Early : w == "mid" ? Part::Mid : Part::Late;
            ++k;
            if (is_mark(k, "-") || is_mark(k, "\xE2\x80\x90")) {
                ++k;
            }
        } else if ((w == "end" || w == "beginning" || w == "start" || w == "middle") &&
                   is_word(k + 1, "of")) {
            part = w == "end" ? Part::Late : w == "middle" ? Part::Mid : Part::Early;
            k += 2;
        }
        const bool modified = k != i;
        const auto month = month_at(k, true);
        if (!month) {
            return std::nullopt;
        }
        const bool abbreviated = month_from_name(word(k))->abbreviated;
        if (!modified) {
            if (const auto day = day_at(month->end)) {
                return day_found(i, day->end, month->value, day->value, choice_at(i, choice));
            }
        }
        if (const auto year = year_after(month->end)) {
            return Found{
                i, year->end, month_span(year->value, month->value, part), DateGranularity::Month};
        }
        if (abbreviated || !published_) {
            return std::nullopt;
        }
        if (!modified && !month_may_stand_alone(k, month->value)) {
            return std::nullopt;
        }
        std::size_t end = month->end;
        const std::size_t that = is_word(end, "of") ? end + 1 : end;
        if (is_word(that, "that") && is_word(that + 1, "year")) {
            return std::nullopt;  // "December of that year": a year the text gave before
        }
        std::optional<Span> span;
        if (const auto relative = relative_year_after(end)) {
            span = month_span(published_->year + relative->value, month->value, part);
            end = relative->end;
        } else {
            span = choose(
                [&](int year) { return std::optional<Span>(month_span(year, month->value, part)); },
                choice_at(i, choice),
                *published_);
        }
        if (!span) {
            return std::nullopt;
        }
        return Found{i, end, *span, DateGranularity::Month};
    }

    /// A month name with nothing around it is a date after a trigger ("in November", "as of
    /// May"), or as an adjective after a determiner ("their December deployment"); "May" and
    /// "March" only after a trigger.
    [[nodiscard]] bool month_may_stand_alone(std::size_t i, int month) const {
        if (trigger_before(i) || (i > 0 && is_word(i - 1, "to"))) {
            return true;
        }
        if (month == 3 || month == 5 || i == 0) {
            return false;
        }
        const bool determiner =
            one_of(word(i - 1), kDeterminers) && (word(i - 1) != "s" || apostrophe(i - 2));
        return determiner && lower_case_word(i + 1);
    }

    /// Weekdays: "on Friday", "last Tuesday", "Friday's talks", "Monday morning", and "Friday,
    /// Jan. 31".
    std::optional<Found> match_weekday(std::size_t i) const {
        std::size_t k = i;
        Choice choice = Choice::Nearest;
        const std::string_view w = word(k);
        if (w == "last" || w == "next" || w == "this") {
            choice = w == "last" ? Choice::Last : w == "next" ? Choice::Next : Choice::This;
            ++k;
        }
        if (!capitalised(k) || !one_of(word(k), kWeekdays)) {
            return std::nullopt;
        }
        // "Friday, Jan. 31": the date says it all.
        const std::size_t after = is_mark(k + 1, ",") ? k + 2 : k + 1;
        if (valid(after) && month_at(after, true)) {
            if (auto dated = match_month(after);
                dated && dated->granularity == DateGranularity::Day) {
                dated->first = i;
                return dated;
            }
        }
        if (!published_) {
            return std::nullopt;
        }
        const std::string_view next = word(k + 1);
        // "Friday night", but not "Saturday Night Live".
        const bool part_of_day =
            lower_case_word(k + 1) &&
            (next == "morning" || next == "afternoon" || next == "evening" || next == "night");
        const bool allowed = k != i || trigger_before(k) || part_of_day ||
                             (apostrophe(k + 1) && is_word(k + 2, "s"));
        if (!allowed) {
            return std::nullopt;
        }
        const int target = static_cast<int>(std::find(kWeekdays.begin(), kWeekdays.end(), word(k)) -
                                            kWeekdays.begin());
        const CalendarDate& p = *published_;
        const int today = weekday(p);
        const int back = (today - target + 7) % 7;
        const int ahead = (target - today + 7) % 7;
        long offset = -back;
        switch (choice_at(i, choice)) {
            case Choice::Last:
                offset = back == 0 ? -7 : -back;
                break;
            case Choice::Next:
                offset = ahead == 0 ? 7 : ahead;
                break;
            case Choice::Future:
                offset = ahead;
                break;
            case Choice::This:
                offset = target - today;
                break;
            case Choice::Nearest:
                break;
        }
        const CalendarDate date = add_days(p, offset);
        return Found{i, k + 1, {date, date}, DateGranularity::Day};
    }

    [[nodiscard]] std::optional<int> season_at(std::size_t i) const {
        const std::string_view w = word(i);
        if (w == "spring") {
            return 3;
        }
        if (w == "summer") {
            return 6;
        }
        if (w == "autumn" || w == "fall") {
            return 9;
        }
        if (w == "winter") {
            return 12;
        }
        return std::nullopt;
    }

    /// Seasons: "last summer", "this past winter", "in the spring", "summer 2023", "the fall of
    /// 2022"; not "the fall of Bakhmut".
    std::optional<Found> match_season(std::size_t i) const {
        std::size_t k = i;
        Choice choice = Choice::Nearest;
        const std::string_view w = word(k);
        if (w == "last" || w == "next" || w == "this" || w == "past") {
            choice = w == "next" ? Choice::Next : w == "this" ? Choice::This : Choice::Last;
            ++k;
            if (choice == Choice::This && is_word(k, "past")) {
                choice = Choice::Last;
                ++k;
            }
        } else if (w == "the") {
            ++k;
        }
        const auto season = season_at(k);
        if (!season) {
            return std::nullopt;
        }
        if (const auto year = year_after(k + 1)) {
            // "winter 2016" is the one whose January is in 2016.
            const int start = *season == 12 ? year->value - 1 : year->value;
            return Found{i, year->end, season_span(*season, start), DateGranularity::Season};
        }
        if (is_word(k + 1, "of")) {
            return std::nullopt;  // "the fall of Bakhmut"
        }
        const bool allowed = choice != Choice::Nearest || (w == "the" && trigger_before(i)) ||
                             (w != "the" && trigger_before(k) && !is_word(k - 1, "for"));
        if (!allowed || !published_) {
            return std::nullopt;
        }
        const auto span =
            choose([&](int year) { return std::optional<Span>(season_span(*season, year)); },
                   choice_at(i, choice),
                   *published_);
        if (!span) {
            return std::nullopt;
        }
        return Found{i, k + 1, *span, DateGranularity::Season};
    }

    /// A year after a trigger: "in 2022", "since 2014", "from 2014 to 2022", "by mid-2022".
    /// Counts are not years: "in 2000 troops", "1000+ square kilometers", "in 1980 at best".
    std::optional<Found> match_year(std::size_t first, std::size_t i, Part part) const {
        const auto year = number(i, 4, 4);
        if (!year || !plausible_year(*year) || !year_stands_alone(i + 1)) {
            return std::nullopt;
        }
        const bool modified = first != i;
        const bool second_of_range = i >= 2 && (is_word(i - 1, "to") || is_word(i - 1, "and")) &&
                                     number(i - 2, 4, 4) && trigger_before(i - 2);
        if (!modified && !trigger_before(i) && !second_of_range) {
            return std::nullopt;
        }
        // "from 2000 to 3000": when the other end is not a year, neither is this one.
        if ((is_word(i + 1, "to") || is_word(i + 1, "and")) && number(i + 2, 1, 9)) {
            const auto other = number(i + 2, 4, 4);
            if (!other || !plausible_year(*other) || *other < *year || !year_stands_alone(i + 3)) {
                return std::nullopt;
            }
        }
        return Found{first, i + 1, year_span(*year, part), DateGranularity::Year};
    }

    /// What follows a year that is a date: punctuation, the end, a capitalised word or one of
    /// kAfterYear, not a hedge.
    [[nodiscard]] bool year_stands_alone(std::size_t next) const {
        if (!valid(next)) {
            return true;
        }
        if (continues_as_number(next) ||
            (adjacent(next) && tokens_[next].kind != TokenKind::Mark)) {
            return false;
        }
        if (is_mark(next, "-") && number(next + 1, 1, 9)) {
            return false;  // "25-40", "2014-15"
        }
        if (!lower_case_word(next)) {
            return true;
        }
        if (is_word(next, "at") && one_of(word(next + 1), kHedges)) {
            return false;
        }
        return one_of(word(next), kAfterYear);
    }

    /// "early 2022", "mid-2022", "late 2024", "the end of 2024".
    std::optional<Found> match_year_part(std::size_t i) const {
        const std::string_view w = word(i);
        std::size_t k = i + 1;
        Part part = Part::Whole;
        if (w == "early" || w == "mid" || w == "late") {
            part = w == "early" ? Part::Early : w == "mid" ? Part::Mid : Part::Late;
            if (is_mark(k, "-")) {
                ++k;
            }
        } else if ((w == "end" || w == "beginning" || w == "start" || w == "middle") &&
                   is_word(k, "of")) {
            part = w == "end" ? Part::Late : w == "middle" ? Part::Mid : Part::Early;
            ++k;
        } else {
            return std::nullopt;
        }
        return match_year(i, k, part);
    }

    /// "N days/weeks/months/years ago", "a week ago".
    std::optional<Found> match_ago(std::size_t i) const {
        std::optional<int> n = number(i, 1, 2);
        if (!n) {
            n = number_word(word(i));
        }
        std::string_view unit = word(i + 1);
        if (!n || !published_ || !is_word(i + 2, "ago") || continues_as_number(i + 1)) {
            return std::nullopt;
        }
        if (unit.ends_with('s')) {
            unit.remove_suffix(1);
        }
        const CalendarDate& p = *published_;
        if (unit == "day") {
            const CalendarDate date = add_days(p, -*n);
            return Found{i, i + 3, {date, date}, DateGranularity::Day};
        }
        if (unit == "week") {
            const CalendarDate monday = week_start(add_days(p, -7L * *n));
            return Found{i, i + 3, {monday, add_days(monday, 6)}, DateGranularity::Week};
        }
        if (unit == "month") {
            const CalendarDate then = add_months(p, -*n);
            return Found{
                i, i + 3, month_span(then.year, then.month, Part::Whole), DateGranularity::Month};
        }
        if (unit == "year") {
            return Found{i, i + 3, year_span(p.year - *n, Part::Whole), DateGranularity::Year};
        }
        return std::nullopt;
    }

    /// "today", "yesterday", "last night", "earlier this week", "last month", "this year",
    /// "over the weekend".
    std::optional<Found> match_relative(std::size_t i) const {
        if (!published_) {
            return std::nullopt;
        }
        const CalendarDate& p = *published_;
        const std::string_view w = word(i);
        const auto day = [&](std::size_t end, long offset) {
            const CalendarDate date = add_days(p, offset);
            return Found{i, end, {date, date}, DateGranularity::Day};
        };
        if (w == "today" || w == "tonight") {
            // "USA Today", "Russia Today", "Today's best articles" are names: a capitalised
            // "Today" is the day only at the start of a sentence or after a lower-case word.
            if (capitalised(i) && !tokens_[i].clause_start && !lower_case_word(i - 1)) {
                return std::nullopt;
            }
            return day(i + 1, 0);
        }
        if (w == "yesterday") {
            return day(i + 1, -1);
        }
        if (w == "tomorrow") {
            return day(i + 1, 1);
        }
        if (w == "last" && is_word(i + 1, "night")) {
            return day(i + 2, -1);
        }
        if (w == "this" && (is_word(i + 1, "morning") || is_word(i + 1, "afternoon") ||
                            is_word(i + 1, "evening"))) {
            return day(i + 2, 0);
        }
        if ((w == "over" || w == "during") && is_word(i + 1, "the") && is_word(i + 2, "weekend")) {
            // The latest weekend that has begun.
            const CalendarDate saturday = add_days(week_start(add_days(p, -5)), 5);
            return Found{i, i + 3, {saturday, add_days(saturday, 1)}, DateGranularity::Week};
        }
        std::size_t k = i;
        const bool earlier = w == "earlier";
        const bool later = w == "later";
        if (earlier || later) {
            ++k;
            if (!is_word(k, "this")) {
                return std::nullopt;
            }
        }
        const std::string_view which = word(k);
        if (which != "this" && which != "last" && which != "next") {
            return std::nullopt;
        }
        if (k == i && which == "last" && i > 0 && is_word(i - 1, "the")) {
            return std::nullopt;  // "the last year of the study"
        }
        const int shift = which == "last" ? -1 : which == "next" ? 1 : 0;
        const std::string_view unit = word(k + 1);
        Span span;
        DateGranularity granularity = DateGranularity::Week;
        if (unit == "week") {
            const CalendarDate monday = add_days(week_start(p), 7L * shift);
            span = {monday, add_days(monday, 6)};
        } else if (unit == "weekend") {
            const CalendarDate saturday = add_days(week_start(p), 7L * shift + 5);
            span = {saturday, add_days(saturday, 1)};
        } else if (unit == "month") {
            const CalendarDate then = add_months({p.year, p.month, 1}, shift);
            span = month_span(then.year, then.month, Part::Whole);
            granularity = DateGranularity::Month;
        } else if (unit == "year") {
            span = year_span(p.year + shift, Part::Whole);
            granularity = DateGranularity::Year;
        } else {
            return std::nullopt;
        }
        if (earlier) {
            span.last = std::max(span.first, std::min(span.last, add_days(p, -1)));
        } else if (later) {
            span.first = std::min(span.last, std::max(span.first, add_days(p, 1)));
        }
        return Found{i, k + 2, span, granularity};
    }

    std::string_view text_;
    std::vector<Token> tokens_;
    std::optional<CalendarDate> published_;
};

}  // namespace

std::vector<MentionedDate> extract_mentioned_dates(std::string_view text,
                                                   const std::optional<CalendarDate>& published) {
    return Extractor(text, published).run();
}

}  // namespace gazette::indexer
