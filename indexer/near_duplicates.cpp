#include "indexer/near_duplicates.hpp"

#include "common/schema.hpp"

#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace gazette::indexer {
namespace {

/// One of kMinHashes independent hash functions, derived from one 64-bit hash by a SplitMix64
/// finaliser with a different seed each.
std::uint32_t rehash(std::uint64_t hash, std::uint64_t seed) {
    std::uint64_t z = hash + (seed + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return static_cast<std::uint32_t>((z ^ (z >> 31)) >> 32);
}

}  // namespace

MinHashSignature minhash_signature(std::string_view text, text::Analyzer& analyzer) {
    std::vector<std::string> words;
    analyzer.for_each_token(text, [&](const text::Token& t) { words.push_back(t.term); });
    if (words.size() < schema::kShingleWords ||
        words.size() - schema::kShingleWords + 1 < schema::kMinShingles) {
        return {};
    }
    MinHashSignature signature(schema::kMinHashes, std::numeric_limits<std::uint32_t>::max());
    std::string shingle;
    for (std::size_t i = 0; i + schema::kShingleWords <= words.size(); ++i) {
        shingle.clear();
        for (std::size_t j = i; j < i + schema::kShingleWords; ++j) {
            shingle += words[j];
            shingle += ' ';
        }
        const std::uint64_t hash = XXH3_64bits(shingle.data(), shingle.size());
        for (std::size_t k = 0; k < schema::kMinHashes; ++k) {
            signature[k] = std::min(signature[k], rehash(hash, k));
        }
    }
    return signature;
}

double signature_similarity(const MinHashSignature& a, const MinHashSignature& b) {
    if (a.empty() || a.size() != b.size()) {
        return 0;
    }
    std::size_t equal = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        equal += a[i] == b[i] ? 1 : 0;
    }
    return static_cast<double>(equal) / static_cast<double>(a.size());
}

std::string serialise_signature(const MinHashSignature& signature) {
    std::string bytes;
    bytes.reserve(signature.size() * 4);
    for (const std::uint32_t v : signature) {
        for (int shift = 0; shift < 32; shift += 8) {
            bytes.push_back(static_cast<char>((v >> shift) & 0xFF));
        }
    }
    return bytes;
}

MinHashSignature parse_signature(std::string_view bytes) {
    if (bytes.size() != schema::kMinHashes * 4) {
        return {};
    }
    MinHashSignature signature(schema::kMinHashes);
    for (std::size_t i = 0; i < schema::kMinHashes; ++i) {
        std::uint32_t v = 0;
        for (int b = 3; b >= 0; --b) {
            v = (v << 8) | static_cast<unsigned char>(bytes[i * 4 + static_cast<std::size_t>(b)]);
        }
        signature[i] = v;
    }
    return signature;
}

std::vector<std::string> band_terms(const MinHashSignature& signature) {
    std::vector<std::string> terms;
    if (signature.size() != schema::kMinHashes) {
        return terms;
    }
    // Hash the stored bytes, so that band terms do not depend on the machine's byte order.
    const std::string bytes = serialise_signature(signature);
    const std::size_t band_bytes = bytes.size() / schema::kStoryBands;
    for (std::size_t band = 0; band < schema::kStoryBands; ++band) {
        const std::uint64_t hash = XXH3_64bits(bytes.data() + band * band_bytes, band_bytes);
        terms.push_back(schema::story_band_term(band, hash));
    }
    return terms;
}

void add_story_signature(Xapian::Document& doc, const Report& report, text::Analyzer& analyzer) {
    const MinHashSignature signature = minhash_signature(report.body, analyzer);
    if (signature.empty()) {
        return;
    }
    for (const auto& term : band_terms(signature)) {
        doc.add_boolean_term(term);
    }
    doc.add_value(schema::slot(schema::Slot::MinHash), serialise_signature(signature));
}

}  // namespace gazette::indexer
