/// @file
/// The tagger's features of each token of a sentence: the word, its shape, prefixes and
/// suffixes, its neighbours, and whether it is a common lower-case word or part of a name the
/// lexicon lists. Features are 64-bit hashes of their text, so no strings are kept at run time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace gazette::ner {

/// What the features know of the language besides the sentence: words seen in lower case in
/// running text, and names seen with their classes (bit k = NameClass k).
struct Lexicon {
    std::unordered_set<std::uint64_t> common_words;
    std::unordered_map<std::uint64_t, std::uint8_t> names;
    int longest_name = 0;  ///< tokens

    /// Adds a name (its tokens) of a class.
    void add_name(const std::vector<std::string>& tokens, int name_class);
    [[nodiscard]] static std::uint64_t word_key(std::string_view lower);
    [[nodiscard]] static std::uint64_t name_key(const std::vector<std::string>& lower_tokens,
                                                std::size_t begin,
                                                std::size_t end);
    /// @return the key of a name one token longer: name_key(t, b, e + 1) is
    /// extend_name_key(name_key(t, b, e), t[e]).
    [[nodiscard]] static std::uint64_t extend_name_key(std::uint64_t key,
                                                       std::string_view lower_token);
};

/// The features of every token of one sentence, flattened: token i owns
/// hashes[offsets[i] .. offsets[i + 1]).
struct SentenceFeatures {
    std::vector<std::uint64_t> hashes;
    std::vector<std::uint32_t> offsets;
    [[nodiscard]] std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

/// Per-thread scratch space for feature extraction.
struct FeatureScratch {
    std::vector<std::string> lower;
    std::vector<std::string> shape;
    std::vector<std::string> short_shape;
    std::vector<std::uint8_t> name_begin;
    std::vector<std::uint8_t> name_inside;
    std::string buffer;
};

/// @return the lower-case form of a token (ASCII letters lowered, the rest kept).
[[nodiscard]] std::string lower_token(std::string_view token);

/// Computes the features of a sentence of normalised tokens into `out`; without
/// `with_word_features`, only those that depend on the token's place in the sentence (the
/// others are word_features()).
void extract_features(const std::vector<std::string>& tokens,
                      const Lexicon& lexicon,
                      FeatureScratch& scratch,
                      SentenceFeatures& out,
                      bool with_word_features = true);

/// Computes the features of a token alone (its form, shape, prefixes and suffixes) into `out`:
/// with extract_features(..., false) they make the features of extract_features(..., true).
void word_features(std::string_view token,
                   FeatureScratch& scratch,
                   std::vector<std::uint64_t>& out);

}  // namespace gazette::ner
