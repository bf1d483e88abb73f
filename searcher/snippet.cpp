#include "searcher/snippet.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>

namespace gazette::search {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

struct Word {
    std::size_t begin;
    std::size_t end;
    int match;  ///< -1 when the word does not match, else an index of the distinct matched term
};

/// The first two bytes of a term: a stem shares them with every word it comes from (English
/// stemming only rewrites endings), so a word whose first two bytes start no stem needs no
/// stemming to know it does not match.
std::uint16_t head(std::string_view term) {
    const auto a = static_cast<unsigned char>(term[0]);
    const auto b = term.size() > 1 ? static_cast<unsigned char>(term[1]) : 0U;
    return static_cast<std::uint16_t>((a << 8U) | b);
}

/// @return true when the token is one of `written` as it stands in `text`, its case kept ("US"
/// and not "us"; "U.S." with the full stop the token leaves out).
bool is_written(std::string_view text,
                const text::Token& token,
                const std::set<std::string>& written) {
    const std::string raw(text.substr(token.begin, token.end - token.begin));
    return written.count(raw) > 0 ||
           (token.end < text.size() && text[token.end] == '.' && written.count(raw + ".") > 0);
}

std::vector<Word> find_words(std::string_view text,
                             const Highlight& highlight,
                             text::Analyzer& analyzer) {
    std::vector<std::uint16_t> stem_heads;
    for (const auto& stem : highlight.stems) {
        if (!stem.empty()) {
            stem_heads.push_back(head(stem));
        }
    }
    std::vector<Word> words;
    std::vector<std::string> matched_terms;
    analyzer.for_each_token(text, [&](const text::Token& token) {
        int match = -1;
        const bool maybe_stem =
            std::find(stem_heads.begin(), stem_heads.end(), head(token.term)) != stem_heads.end();
        const bool hit = highlight.words.count(token.term) > 0 ||
                         (maybe_stem && highlight.stems.count(analyzer.stem(token.term)) > 0) ||
                         (!highlight.written.empty() && is_written(text, token, highlight.written));
        if (hit) {
            const std::string& key = analyzer.stem(token.term);
            auto it = std::find(matched_terms.begin(), matched_terms.end(), key);
            if (it == matched_terms.end()) {
                matched_terms.push_back(key);
                it = matched_terms.end() - 1;
            }
            match = static_cast<int>(it - matched_terms.begin());
        }
        words.push_back({token.begin, token.end, match});
    });
    return words;
}

/// True when the word at `i` starts a sentence (or the text, or a paragraph).
bool starts_sentence(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    if (i == 0) {
        return true;
    }
    const std::string_view gap = text.substr(words[i - 1].end, words[i].begin - words[i - 1].end);
    return gap.find_first_of(".!?\n") != std::string_view::npos;
}

/// Text for display: each run of space and newlines becomes one space.
std::string flatten(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_space = false;
    for (const char c : text) {
        const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (!space) {
            out += c;
        } else if (!in_space) {
            out += ' ';
        }
        in_space = space;
    }
    return out;
}

Snippet build(std::string_view text,
              const std::vector<Word>& words,
              std::size_t first,
              std::size_t last,
              bool cut_before,
              bool cut_after) {
    Snippet snippet;
    snippet.cut_before = cut_before;
    snippet.cut_after = cut_after;
    // From the start of the text, keep what stands before the first word (a quote, a bracket).
    std::size_t at = first == 0 ? 0 : words[first].begin;
    const auto add = [&](std::string_view piece, bool marked) {
        std::string flat = flatten(piece);
        if (flat.empty()) {
            return;
        }
        if (!snippet.parts.empty() && snippet.parts.back().marked == marked) {
            snippet.parts.back().text += flat;
        } else {
            snippet.parts.push_back({std::move(flat), marked});
        }
    };
    for (std::size_t i = first; i <= last; ++i) {
        add(text.substr(at, words[i].begin - at), false);
        add(text.substr(words[i].begin, words[i].end - words[i].begin), words[i].match >= 0);
        at = words[i].end;
    }
    // Keep the punctuation that closes the last word ("losses." or "Puls”").
    std::size_t tail = at;
    while (tail < text.size() && tail - at < 4 && text[tail] != ' ' && text[tail] != '\n') {
        ++tail;
    }
    add(text.substr(at, tail - at), false);
    return snippet;
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string Snippet::plain() const {
    return terminal("", "");
}

std::string Snippet::html() const {
    std::string out = cut_before ? std::string(kEllipsis) : "";
    for (const auto& part : parts) {
        out += part.marked ? "<mark>" + html_escape(part.text) + "</mark>" : html_escape(part.text);
    }
    if (cut_after) {
        out += kEllipsis;
    }
    return out;
}

std::string Snippet::terminal(std::string_view on, std::string_view off) const {
    std::string out = cut_before ? std::string(kEllipsis) : "";
    for (const auto& part : parts) {
        if (part.marked) {
            out += on;
            out += part.text;
            out += off;
        } else {
            out += part.text;
        }
    }
    if (cut_after) {
        out += kEllipsis;
    }
    return out;
}

Snippet mark_all(std::string_view text, const Highlight& highlight, text::Analyzer& analyzer) {
    const auto words = find_words(text, highlight, analyzer);
    if (words.empty()) {
        return Snippet{{{flatten(text), false}}, false, false};
    }
    return build(text, words, 0, words.size() - 1, false, false);
}

Snippet make_snippet(std::string_view text,
                     const Highlight& highlight,
                     text::Analyzer& analyzer,
                     std::size_t max_bytes) {
    const auto words = find_words(text, highlight, analyzer);
    if (words.empty()) {
        return {};
    }
    // Score each window that starts at a word and runs as far as max_bytes allows: distinct
    // matched terms first, then matches, then a sentence start. The window slides, so each word
    // enters and leaves the counts once.
    std::size_t best_first = 0;
    std::size_t best_last = 0;
    long best_score = -1;
    std::vector<int> counts;
    long distinct = 0;
    long matches = 0;
    const auto add = [&](const Word& w, int delta) {
        if (w.match < 0) {
            return;
        }
        if (static_cast<std::size_t>(w.match) >= counts.size()) {
            counts.resize(static_cast<std::size_t>(w.match) + 1, 0);
        }
        int& count = counts[static_cast<std::size_t>(w.match)];
        distinct += (count == 0 && delta > 0) ? 1 : (count == 1 && delta < 0) ? -1 : 0;
        count += delta;
        matches += delta;
    };
    std::size_t last = 0;
    add(words[0], 1);
    for (std::size_t first = 0; first < words.size(); ++first) {
        if (first > 0) {
            add(words[first - 1], -1);
        }
        if (last < first) {
            last = first;
            add(words[first], 1);
        }
        while (last + 1 < words.size() && words[last + 1].end - words[first].begin <= max_bytes) {
            add(words[++last], 1);
        }
        const long score =
            distinct * 1000 + matches * 10 + (starts_sentence(text, words, first) ? 5 : 0);
        if (score > best_score) {
            best_score = score;
            best_first = first;
            best_last = last;
        }
        if (last + 1 >= words.size() && best_score >= 1000) {
            break;  // later windows only lose words
        }
    }
    // Start a few words before the first match, so the match has context.
    if (best_score >= 1000) {
        std::size_t first_match = best_first;
        while (words[first_match].match < 0) {
            ++first_match;
        }
        std::size_t start = first_match;
        while (start > 0 && first_match - start < 8 && !starts_sentence(text, words, start)) {
            --start;
        }
        if (start < best_first) {
            best_first = start;
            while (best_last > best_first &&
                   words[best_last].end - words[best_first].begin > max_bytes) {
                --best_last;
            }
        }
    }
    return build(text, words, best_first, best_last, best_first > 0, best_last + 1 < words.size());
}

}  // namespace gazette::search
