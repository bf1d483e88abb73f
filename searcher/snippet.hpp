/// @file
/// Snippets: the best short passage of a report for a query, with every matching word marked.
/// Made here rather than by Xapian's MSet::snippet() so that they use Gazette's own analyser
/// (folding, possessives, numbers) and so that phrase, exact and field words are marked too.
#pragma once

#include "common/text/analyzer.hpp"
#include "searcher/query_binder.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

/// A run of snippet text, marked or not.
struct SnippetPart {
    std::string text;
    bool marked = false;
};

/// A passage cut from a text: "…" belongs before it when cut_before, after it when cut_after.
struct Snippet {
    std::vector<SnippetPart> parts;
    bool cut_before = false;
    bool cut_after = false;

    /// @return the text alone, with "…" where it was cut.
    [[nodiscard]] std::string plain() const;
    /// @return HTML: the text escaped, marked words in <mark>…</mark>.
    [[nodiscard]] std::string html() const;
    /// @return the text for a terminal: marked words between `on` and `off` (ANSI bold, or "").
    [[nodiscard]] std::string terminal(std::string_view on, std::string_view off) const;
};

/// Picks the passage of at most about `max_bytes` bytes that holds the most distinct matching
/// words (then the most matches), starting at a sentence when it can, and marks the matches.
/// Without any match it is the start of the text.
[[nodiscard]] Snippet make_snippet(std::string_view text,
                                   const Highlight& highlight,
                                   text::Analyzer& analyzer,
                                   std::size_t max_bytes = 260);

/// Marks the matching words of a whole short text (a title) without cutting it.
[[nodiscard]] Snippet mark_all(std::string_view text,
                               const Highlight& highlight,
                               text::Analyzer& analyzer);

/// @return text with &, <, >, " and ' escaped for HTML.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace gazette::search
