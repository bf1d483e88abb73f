#include "common/text/fast_words.hpp"

namespace gazette::text {
namespace {

/// Word_Break classes, as far as the characters this path accepts need them.
enum class WordBreak {
    Letter,     ///< ALetter: A-Z a-z
    Digit,      ///< Numeric: 0-9
    MidNumLet,  ///< . ’ ‘ and the ASCII apostrophe: join letters to letters, digits to digits
    MidNum,     ///< , ;  join digits to digits
    ExtendNumLet,  ///< _
    Other,         ///< breaks on both sides
    Unknown,       ///< not classified here: use ICU
};

/// Classifies the character at s[i] and sets `length` to its byte length.
WordBreak classify(std::string_view s, std::size_t i, std::size_t& length) {
    const auto c = static_cast<unsigned char>(s[i]);
    length = 1;
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return WordBreak::Letter;
        }
        if (c >= '0' && c <= '9') {
            return WordBreak::Digit;
        }
        switch (c) {
            case '.':
            case '\'':
                return WordBreak::MidNumLet;
            case ',':
            case ';':
                return WordBreak::MidNum;
            case '_':
                return WordBreak::ExtendNumLet;
            case '@':
                return WordBreak::Unknown;  // ICU 72 has rules of its own for it
            default:
                // Controls other than tab (CR, vertical tab, form feed...) have rules of their own.
                return c < 0x20 && c != '\t' ? WordBreak::Unknown : WordBreak::Other;
        }
    }
    // Two- and three-byte punctuation common in news, all Word_Break=Other but for ’ and ‘.
    if (c == 0xC2 && i + 1 < s.size()) {
        length = 2;
        switch (static_cast<unsigned char>(s[i + 1])) {
            case 0xA0:  // no-break space
            case 0xA3:  // £
            case 0xA7:  // §
            case 0xA9:  // ©
            case 0xAB:  // «
            case 0xAE:  // ®
            case 0xB0:  // °
            case 0xBB:  // »
            case 0xBD:  // ½
                return WordBreak::Other;
            default:
                return WordBreak::Unknown;
        }
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        length = 3;
        switch (static_cast<unsigned char>(s[i + 2])) {
            case 0x98:  // ‘
            case 0x99:  // ’
                return WordBreak::MidNumLet;
            case 0x93:  // –
            case 0x94:  // —
            case 0x9C:  // “
            case 0x9D:  // ”
            case 0xA2:  // •
            case 0xA6:  // …
            case 0xB2:  // ′
            case 0xB3:  // ″
                return WordBreak::Other;
            default:
                return WordBreak::Unknown;
        }
    }
    return WordBreak::Unknown;
}

bool is_word_part(WordBreak b) {
    return b == WordBreak::Letter || b == WordBreak::Digit || b == WordBreak::ExtendNumLet;
}

}  // namespace

bool find_simple_words(std::string_view line, std::vector<WordSpan>& words) {
    words.clear();
    // One pass: `kind`/`length` describe the character at `i`; the joining rules look at most two
    // characters ahead, through a small cache of the next ones.
    struct Char {
        std::size_t at = 0;
        std::size_t length = 0;
        WordBreak kind = WordBreak::Other;
    };
    const auto char_at = [&](std::size_t at, Char& c) {
        c.at = at;
        c.kind = classify(line, at, c.length);
        return c.kind != WordBreak::Unknown;
    };
    Char here;
    std::size_t i = 0;
    while (i < line.size()) {
        if (!char_at(i, here)) {
            return false;
        }
        if (!is_word_part(here.kind)) {
            i += here.length;
            continue;
        }
        const std::size_t first = here.at;
        const WordBreak first_kind = here.kind;
        bool single = true;
        Char next;
        Char after;
        while (true) {
            const std::size_t next_at = here.at + here.length;
            if (next_at >= line.size()) {
                break;
            }
            if (!char_at(next_at, next)) {
                return false;
            }
            if (is_word_part(next.kind)) {  // WB5, WB8-WB10, WB13a, WB13b
                here = next;
                single = false;
                continue;
            }
            // WB6/WB7: letter (MidNumLet) letter; WB11/WB12: digit (MidNum|MidNumLet) digit.
            const bool mid = next.kind == WordBreak::MidNumLet || next.kind == WordBreak::MidNum;
            const std::size_t after_at = next.at + next.length;
            if (mid && here.kind != WordBreak::ExtendNumLet && after_at < line.size()) {
                if (!char_at(after_at, after)) {
                    return false;
                }
                if (after.kind == here.kind &&
                    (here.kind == WordBreak::Digit || next.kind == WordBreak::MidNumLet)) {
                    here = after;
                    single = false;
                    continue;
                }
            }
            break;
        }
        // ICU gives a lone _ no word status; any longer run is a word.
        if (!single || first_kind != WordBreak::ExtendNumLet) {
            words.emplace_back(first, here.at + here.length);
        }
        i = here.at + here.length;
    }
    return true;
}

}  // namespace gazette::text
