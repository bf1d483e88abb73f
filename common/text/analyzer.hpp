/// @file
/// The one text analyser: indexing and query parsing both go through it, so the terms they make
/// can never disagree. ICU does the Unicode work (NFKC, case folding, word breaking), a small
/// table folds typographic quotes and dashes and strips diacritics, and Xapian's Snowball
/// English stemmer stems.
#pragma once

#include <unicode/brkiter.h>
#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::text {

/// Folds text for matching: NFKC, typographic quotes to ' and ", dashes to -, case folded,
/// diacritics removed ("Zelenskyy’s Café" -> "zelenskyy's cafe"). Invalid UTF-8 bytes become
/// U+FFFD. Thread-safe.
[[nodiscard]] std::string fold(std::string_view utf8);

/// Folds a display value (an outlet, an author, an entity name) into the key its boolean term
/// carries: fold() with runs of space and punctuation made one space, and trimmed
/// ("The  Kyiv-Post" -> "the kyiv post"). Thread-safe.
[[nodiscard]] std::string fold_key(std::string_view utf8);

/// One word of a text.
struct Token {
    std::string term;       ///< folded, unstemmed: what exact matching and phrases use
    std::size_t begin = 0;  ///< byte offset of the word in the analysed text
    std::size_t end = 0;    ///< byte offset one past the word
};

/// Breaks text into words and stems them. Holds an ICU break iterator and a Xapian stemmer, so
/// it is not thread-safe: use one per thread (thread_analyzer() gives one).
class Analyzer {
  public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;
    Analyzer(Analyzer&&) = delete;
    Analyzer& operator=(Analyzer&&) = delete;

    /// Calls `emit` for each word of `text`, in order. Punctuation and space are not words.
    void for_each_token(std::string_view text, const std::function<void(const Token&)>& emit);

    /// The same, by ICU alone: the reference the fast path for common text must equal.
    void for_each_token_icu(std::string_view text, const std::function<void(const Token&)>& emit);

    /// @return the words of `text`.
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text);

    /// @return the English stem of a folded term ("withdrawals" -> "withdraw"); numbers and
    /// terms with digits are returned as they are.
    [[nodiscard]] const std::string& stem(const std::string& term);

    /// @return true for the English function words that queries drop when other words remain.
    [[nodiscard]] static bool is_stopword(std::string_view term);

  private:
    void emit_word(std::string_view text,
                   std::size_t begin,
                   std::size_t end,
                   const std::function<void(const Token&)>& emit);
    void for_each_icu_word(std::string_view part,
                           std::size_t offset,
                           std::string_view text,
                           const std::function<void(const Token&)>& emit);

    std::unique_ptr<icu::BreakIterator> words_;
    std::vector<std::pair<std::size_t, std::size_t>> spans_;
    Token token_;
    Xapian::Stem stemmer_;
    std::unordered_map<std::string, std::string> stem_cache_;
};

/// @return this thread's analyser.
[[nodiscard]] Analyzer& thread_analyzer();

}  // namespace gazette::text
