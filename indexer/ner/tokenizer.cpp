#include "indexer/ner/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace gazette::ner {
namespace {

/// Abbreviations whose dot belongs to the word (titles, months, company forms, states).
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "Adm",  "Apr", "Aug",  "Ave",    "Brig", "Capt",  "Co",   "Col",  "Corp", "Cpl", "Dec",
    "Dept", "Dr",  "Feb",  "Fig",    "Fla",  "Ft",    "Gen",  "Gov",  "Inc",  "Jan", "Jr",
    "Jul",  "Jun", "Lt",   "Ltd",    "Maj",  "Mar",   "Mr",   "Mrs",  "Ms",   "Mt",  "No",
    "Nov",  "Oct", "Prof", "Rep",    "Rev",  "Sen",   "Sep",  "Sept", "Sgt",  "Sr",  "St",
    "Supt", "vs",  "etc",  "approx", "est",  "Calif", "Mass", "Ky"};

bool is_space_at(std::string_view s, std::size_t i, std::size_t* width) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        *width = 1;
        return true;
    }
    // No-break space, zero-width space, byte-order mark.
    for (const std::string_view mark : {"\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF"}) {
        if (s.substr(i).starts_with(mark)) {
            *width = mark.size();
            return true;
        }
    }
    return false;
}

/// Multi-byte punctuation that is always a token of its own.
constexpr std::array<std::string_view, 10> kWidePunctuation = {"\xE2\x80\x9C",
                                                               "\xE2\x80\x9D",
                                                               "\xE2\x80\x9E",
                                                               "\xC2\xAB",
                                                               "\xC2\xBB",  // “ ” „ « »
                                                               "\xE2\x80\x94",
                                                               "\xE2\x80\x93",
                                                               "\xE2\x80\xA6",
                                                               "\xE2\x80\x98",
                                                               "\xE2\x80\x9A"};  // — – … ‘ ‚

constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’

bool is_split_char(char c) {
    switch (c) {
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}':
        case '"':
        case ',':
        case ';':
        case ':':
        case '!':
        case '?':
        case '*':
            return true;
        default:
            return false;
    }
}

std::size_t wide_punctuation_at(std::string_view s, std::size_t i) {
    for (const auto p : kWidePunctuation) {
        if (s.substr(i).starts_with(p)) {
            return p.size();
        }
    }
    return 0;
}

bool is_abbreviation(std::string_view word) {
    if (std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end()) {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.S", "U.N".
    if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) {
        return true;
    }
    return word.find('.') != std::string_view::npos &&
           std::all_of(word.begin(), word.end(), [](char c) {
               return c == '.' || std::isalpha(static_cast<unsigned char>(c));
           });
}

/// Splits one whitespace-free chunk into tokens: leading and trailing punctuation, a trailing
/// possessive, and a final dot unless the word is an abbreviation.
void split_chunk(std::string_view text, std::size_t begin, std::size_t end, Sentence& out) {
    std::vector<TextToken> tail;
    const auto token = [&](std::size_t b, std::size_t e) {
        return TextToken{text.substr(b, e - b), b, e};
    };
    // Leading punctuation.
    while (begin < end) {
        if (is_split_char(text[begin]) || text[begin] == '\'') {
            out.push_back(token(begin, begin + 1));
            ++begin;
            continue;
        }
        const std::size_t wide = wide_punctuation_at(text, begin);
        if (wide > 0 && begin + wide <= end) {
            out.push_back(token(begin, begin + wide));
            begin += wide;
            continue;
        }
        if (text.substr(begin, end - begin).starts_with(kRightQuote)) {
            out.push_back(token(begin, begin + kRightQuote.size()));
            begin += kRightQuote.size();
            continue;
        }
        break;
    }
    // Trailing punctuation, possessives and dots.
    while (end > begin) {
        const std::string_view word = text.substr(begin, end - begin);
        const char last = text[end - 1];
        if (is_split_char(last)) {
            tail.push_back(token(end - 1, end));
            --end;
            continue;
        }
        bool wide_found = false;
        for (const auto p : kWidePunctuation) {
            if (word.size() > p.size() && word.ends_with(p)) {
                tail.push_back(token(end - p.size(), end));
                end -= p.size();
                wide_found = true;
                break;
            }
        }
        if (wide_found) {
            continue;
        }
        // Possessive: "Russia's", "Russia’s"; a bare trailing apostrophe: "Puls’".
        if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) {
            tail.push_back(token(end - 2, end));
            end -= 2;
            continue;
        }
        if (word.size() > kRightQuote.size() + 1 &&
            (word.ends_with("\xE2\x80\x99s") || word.ends_with("\xE2\x80\x99S"))) {
            tail.push_back(token(end - kRightQuote.size() - 1, end));
            end -= kRightQuote.size() + 1;
            continue;
        }
        if (word.size() > 1 && last == '\'') {
            tail.push_back(token(end - 1, end));
            --end;
            continue;
        }
        if (word.size() > kRightQuote.size() && word.ends_with(kRightQuote)) {
            tail.push_back(token(end - kRightQuote.size(), end));
            end -= kRightQuote.size();
            continue;
        }
        if (last == '.' && word.size() > 1) {
            const std::string_view stem = word.substr(0, word.size() - 1);
            if (stem.ends_with(".")) {  // "..." or "end.."
                tail.push_back(token(end - 1, end));
                --end;
                continue;
            }
            if (!is_abbreviation(stem)) {
                tail.push_back(token(end - 1, end));
                --end;
                continue;
            }
        }
        break;
    }
    if (end > begin) {
        out.push_back(token(begin, end));
    }
    out.insert(out.end(), tail.rbegin(), tail.rend());
}

bool ends_sentence(const TextToken& t) {
    return t.text == "." || t.text == "!" || t.text == "?" || t.text == "\xE2\x80\xA6";
}

bool is_closing(std::string_view t) {
    return t == "\"" || t == "'" || t == ")" || t == "\xE2\x80\x9D" || t == kRightQuote;
}

}  // namespace

std::vector<Sentence> tokenize_sentences(std::string_view text) {
    std::vector<Sentence> sentences;
    Sentence current;
    std::size_t i = 0;
    const auto flush = [&] {
        if (!current.empty()) {
            sentences.push_back(std::move(current));
            current.clear();
        }
    };
    while (i < text.size()) {
        std::size_t width = 0;
        if (is_space_at(text, i, &width)) {
            if (text[i] == '\n') {
                flush();
            }
            i += width;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_space_at(text, end, &width)) {
            ++end;
        }
        const std::size_t before = current.size();
        split_chunk(text, i, end, current);
        // A sentence ends at final punctuation (and any closing quotes right after it).
        for (std::size_t k = before; k < current.size(); ++k) {
            if (!ends_sentence(current[k])) {
                continue;
            }
            std::size_t last = k;
            while (last + 1 < current.size() && is_closing(current[last + 1].text)) {
                ++last;
            }
            if (last + 1 == current.size()) {
                flush();
                break;
            }
        }
        i = end;
    }
    flush();
    return sentences;
}

std::string normalise_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size();) {
        const auto c = static_cast<unsigned char>(token[i]);
        if (c == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80) {
            const auto d = static_cast<unsigned char>(token[i + 2]);
            if (d == 0x98 || d == 0x99 || d == 0x9A || d == 0x9B) {
                out.push_back('\'');
                i += 3;
                continue;
            }
            if (d == 0x9C || d == 0x9D || d == 0x9E || d == 0x9F) {
                out.push_back('"');
                i += 3;
                continue;
            }
            if (d >= 0x90 && d <= 0x95) {
                out.push_back('-');
                i += 3;
                continue;
            }
        }
        out.push_back(token[i]);
        ++i;
    }
    return out;
}

}  // namespace gazette::ner
