/// @file
/// Near-duplicate reports (wire copies, aggregator rewrites that keep most sentences): a MinHash
/// signature of each report's word shingles, cut into LSH bands whose boolean terms let the
/// indexer find the reports that may be the same story. Pure: no database.
#pragma once

#include "common/report.hpp"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::indexer {

/// kMinHashes minima, or empty when the text is too short to compare.
using MinHashSignature = std::vector<std::uint32_t>;

/// @return the words near-duplicate detection compares: split at space and punctuation (ASCII,
/// Latin-1 and typographic), ASCII case folded. Much cheaper than the analyser, and enough to tell
/// copies apart: they differ in sentences, not in how a word is folded.
[[nodiscard]] std::vector<std::string> shingle_words(std::string_view text);

/// @return the MinHash signature of a text's shingles of schema::kShingleWords words; empty when
/// it has fewer than schema::kMinShingles shingles.
[[nodiscard]] MinHashSignature minhash_signature(std::string_view text);

/// @return the fraction of the signatures' values that are equal: an estimate of the Jaccard
/// similarity of the two shingle sets (0 when either is empty).
[[nodiscard]] double signature_similarity(const MinHashSignature& a, const MinHashSignature& b);

/// @return the signature as bytes for its value slot, and back (empty when malformed).
[[nodiscard]] std::string serialise_signature(const MinHashSignature& signature);
[[nodiscard]] MinHashSignature parse_signature(std::string_view bytes);

/// @return the boolean terms of the signature's LSH bands (none for an empty signature).
[[nodiscard]] std::vector<std::string> band_terms(const MinHashSignature& signature);

/// Adds a report's signature to its document: the value slot and the band terms.
void add_story_signature(Xapian::Document& doc, const Report& report);

}  // namespace gazette::indexer
