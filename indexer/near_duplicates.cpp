#include "indexer/near_duplicates.hpp"

#include "common/schema.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace gazette::indexer {
namespace {

/// The seeds of the kMinHashes hash functions: fixed, so that signatures stay comparable across
/// runs and machines (SplitMix64 of 1, 2, 3 ...).
const std::array<std::uint64_t, schema::kMinHashes>& seeds() {
    static const auto table = [] {
        std::array<std::uint64_t, schema::kMinHashes> out{};
        for (std::size_t i = 0; i < out.size(); ++i) {
            std::uint64_t z = (i + 1) * 0x9E3779B97F4A7C15ULL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            out[i] = z ^ (z >> 31);
        }
        return out;
    }();
    return table;
}

/// Hash function k of a shingle hash: multiply-shift on the hash xor-ed with the k-th seed.
std::uint32_t rehash(std::uint64_t hash, std::uint64_t seed) {
    return static_cast<std::uint32_t>(((hash ^ seed) * 0xD6E8FEB86659FD93ULL) >> 32);
}

}  // namespace

std::vector<std::string> shingle_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c) != 0) {
                word.push_back(static_cast<char>(std::tolower(c)));
            } else {
                flush();
            }
            continue;
        }
        // U+0080-U+00BF (no-break space, « », ·) and U+2000-U+206F (dashes, quotes, ellipsis)
        // separate words; other characters are letters.
        const bool latin1_mark = c == 0xC2;
        const bool general_mark = c == 0xE2 && i + 1 < text.size() &&
                                  (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                                   static_cast<unsigned char>(text[i + 1]) == 0x81);
        if (latin1_mark || general_mark) {
            flush();
            i += latin1_mark ? 1 : 2;
            continue;
        }
        word.push_back(static_cast<char>(c));
    }
    flush();
    return words;
}

MinHashSignature minhash_signature(std::string_view text) {
    const std::vector<std::string> words = shingle_words(text);
    if (words.size() < schema::kShingleWords ||
        words.size() - schema::kShingleWords + 1 < schema::kMinShingles) {
        return {};
    }
    // Each word is hashed once; a shingle's hash is the hash of its words' hashes.
    std::vector<std::uint64_t> word_hashes;
    word_hashes.reserve(words.size());
    for (const auto& word : words) {
        word_hashes.push_back(XXH3_64bits(word.data(), word.size()));
    }
    MinHashSignature signature(schema::kMinHashes, std::numeric_limits<std::uint32_t>::max());
    const auto& seed = seeds();
    for (std::size_t i = 0; i + schema::kShingleWords <= word_hashes.size(); ++i) {
        const std::uint64_t hash =
            XXH3_64bits(word_hashes.data() + i, schema::kShingleWords * sizeof(std::uint64_t));
        for (std::size_t k = 0; k < schema::kMinHashes; ++k) {
            signature[k] = std::min(signature[k], rehash(hash, seed[k]));
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

void add_story_signature(Xapian::Document& doc, const Report& report) {
    const MinHashSignature signature = minhash_signature(report.body);
    if (signature.empty()) {
        return;
    }
    for (const auto& term : band_terms(signature)) {
        doc.add_boolean_term(term);
    }
    doc.add_value(schema::slot(schema::Slot::MinHash), serialise_signature(signature));
}

}  // namespace gazette::indexer
