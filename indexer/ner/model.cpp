#include "indexer/ner/model.hpp"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

// The built-in model: corpus/models/ner.model, linked in by model_data.cpp.
extern "C" const char gazette_ner_model_begin[];
extern "C" const char gazette_ner_model_end[];

namespace gazette::ner {
namespace {

constexpr std::string_view kMagic = "GAZETTE-NER-1\n";

std::uint64_t next_model_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

std::uint64_t mix(std::uint64_t key) {
    // The keys are hashes already; fold the high bits in for the table index.
    return key ^ (key >> 29);
}

class Writer {
  public:
    template <class T>
    void put(T value) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        out_.append(bytes, sizeof(T));
    }
    void raw(std::string_view s) { out_.append(s); }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

class Reader {
  public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    template <class T>
    bool get(T& value) {
        if (bytes_.size() < sizeof(T)) {
            return false;
        }
        std::memcpy(&value, bytes_.data(), sizeof(T));
        bytes_.remove_prefix(sizeof(T));
        return true;
    }
    bool expect(std::string_view s) {
        if (!bytes_.starts_with(s)) {
            return false;
        }
        bytes_.remove_prefix(s.size());
        return true;
    }
    [[nodiscard]] bool done() const { return bytes_.empty(); }

  private:
    std::string_view bytes_;
};

}  // namespace

Model::Model() : transitions_((kTagCount + 1) * kTagCount, 0.0F), id_(next_model_id()) {
    rehash(1024);
}

void Model::rehash(std::size_t capacity) {
    table_.assign(capacity, Slot{});
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        std::size_t at = mix(keys_[i]) & (capacity - 1);
        while (table_[at].index != 0) {
            at = (at + 1) & (capacity - 1);
        }
        table_[at] = Slot{keys_[i], static_cast<std::uint32_t>(i + 1)};
    }
}

std::size_t Model::probe(std::uint64_t feature) const {
    const std::size_t mask = table_.size() - 1;
    std::size_t at = mix(feature) & mask;
    while (table_[at].index != 0 && table_[at].key != feature) {
        at = (at + 1) & mask;
    }
    return at;
}

float* Model::weights(std::uint64_t feature, bool create) {
    const std::size_t at = probe(feature);
    if (table_[at].index != 0) {
        return &weights_[(table_[at].index - 1) * kTagCount];
    }
    if (!create) {
        return nullptr;
    }
    keys_.push_back(feature);
    weights_.resize(weights_.size() + kTagCount, 0.0F);
    table_[at] = Slot{feature, static_cast<std::uint32_t>(keys_.size())};
    if (keys_.size() * 2 > table_.size()) {
        rehash(table_.size() * 2);
    }
    return &weights_[(keys_.size() - 1) * kTagCount];
}

const float* Model::weights(std::uint64_t feature) const {
    const std::size_t at = probe(feature);
    return table_[at].index != 0 ? &weights_[(table_[at].index - 1) * kTagCount] : nullptr;
}

void Model::tag(const std::vector<std::string>& tokens,
                TaggerScratch& scratch,
                std::vector<int>& tags) const {
    constexpr std::size_t kMaxCachedWords = 100'000;
    if (scratch.scored_by != id_ || scratch.word_scores.size() > kMaxCachedWords) {
        scratch.word_scores.clear();
        scratch.scored_by = id_;
    }
    extract_features(tokens, lexicon, scratch.features, scratch.sentence, false);
    const std::size_t n = tokens.size();
    scratch.emission.assign(n * kTagCount, 0.0F);
    for (std::size_t i = 0; i < n; ++i) {
        auto [it, added] = scratch.word_scores.try_emplace(tokens[i]);
        if (added) {
            it->second.fill(0.0F);
            word_features(tokens[i], scratch.features, scratch.word_hashes);
            for (const auto hash : scratch.word_hashes) {
                if (const float* w = weights(hash)) {
                    for (int t = 0; t < kTagCount; ++t) {
                        it->second[static_cast<std::size_t>(t)] += w[t];
                    }
                }
            }
        }
        std::copy(it->second.begin(), it->second.end(), &scratch.emission[i * kTagCount]);
    }
    viterbi(scratch.sentence, scratch, tags);
}

void Model::decode(const SentenceFeatures& features,
                   TaggerScratch& scratch,
                   std::vector<int>& tags) const {
    scratch.emission.assign(features.size() * kTagCount, 0.0F);
    viterbi(features, scratch, tags);
}

void Model::viterbi(const SentenceFeatures& features,
                    TaggerScratch& scratch,
                    std::vector<int>& tags) const {
    const std::size_t n = features.size();
    tags.assign(n, kOutside);
    if (n == 0) {
        return;
    }
    auto& emission = scratch.emission;
    for (std::size_t i = 0; i < n; ++i) {
        float* row = &emission[i * kTagCount];
        for (std::uint32_t f = features.offsets[i]; f < features.offsets[i + 1]; ++f) {
            if (const float* w = weights(features.hashes[f])) {
                for (int t = 0; t < kTagCount; ++t) {
                    row[t] += w[t];
                }
            }
        }
    }
    constexpr float kImpossible = -std::numeric_limits<float>::infinity();
    auto& best = scratch.best;
    auto& back = scratch.back;
    best.assign(n * kTagCount, kImpossible);
    back.assign(n * kTagCount, 0);
    for (int t = 0; t < kTagCount; ++t) {
        if (allowed(kOutside, t)) {
            best[static_cast<std::size_t>(t)] =
                emission[static_cast<std::size_t>(t)] + transition(kTagCount, t);
        }
    }
    for (std::size_t i = 1; i < n; ++i) {
        for (int t = 0; t < kTagCount; ++t) {
            float top = kImpossible;
            int arg = 0;
            for (int p = 0; p < kTagCount; ++p) {
                if (!allowed(p, t)) {
                    continue;
                }
                const float score =
                    best[(i - 1) * kTagCount + static_cast<std::size_t>(p)] + transition(p, t);
                if (score > top) {
                    top = score;
                    arg = p;
                }
            }
            const std::size_t at = i * kTagCount + static_cast<std::size_t>(t);
            best[at] = top + emission[at];
            back[at] = arg;
        }
    }
    int last = 0;
    for (int t = 1; t < kTagCount; ++t) {
        if (best[(n - 1) * kTagCount + static_cast<std::size_t>(t)] >
            best[(n - 1) * kTagCount + static_cast<std::size_t>(last)]) {
            last = t;
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        tags[i] = last;
        last = back[i * kTagCount + static_cast<std::size_t>(last)];
    }
}

std::string Model::serialise(float min_weight) const {
    float largest = 0;
    for (const float w : weights_) {
        largest = std::max(largest, std::fabs(w));
    }
    const float scale = largest > 0 ? largest / 32767.0F : 1.0F;
    const float threshold = min_weight * largest;

    Writer out;
    out.raw(kMagic);
    out.put<std::uint32_t>(kTagCount);
    for (const float t : transitions_) {
        out.put<float>(t);
    }
    std::vector<std::uint64_t> common(lexicon.common_words.begin(), lexicon.common_words.end());
    std::sort(common.begin(), common.end());
    out.put<std::uint32_t>(static_cast<std::uint32_t>(common.size()));
    for (const auto c : common) {
        out.put<std::uint64_t>(c);
    }
    std::vector<std::pair<std::uint64_t, std::uint8_t>> names(lexicon.names.begin(),
                                                              lexicon.names.end());
    std::sort(names.begin(), names.end());
    out.put<std::uint32_t>(static_cast<std::uint32_t>(names.size()));
    out.put<std::uint32_t>(static_cast<std::uint32_t>(lexicon.longest_name));
    for (const auto& [key, bits] : names) {
        out.put<std::uint64_t>(key);
        out.put<std::uint8_t>(bits);
    }
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        const float* w = &weights_[i * kTagCount];
        if (std::any_of(w, w + kTagCount, [&](float x) {
                return std::fabs(x) >= threshold && std::lround(x / scale) != 0;
            })) {
            kept.push_back(i);
        }
    }
    std::sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
        return keys_[a] < keys_[b];
    });
    out.put<float>(scale);
    out.put<std::uint32_t>(static_cast<std::uint32_t>(kept.size()));
    for (const std::size_t i : kept) {
        const float* w = &weights_[i * kTagCount];
        std::uint16_t mask = 0;
        std::vector<std::int16_t> values;
        for (int t = 0; t < kTagCount; ++t) {
            const long q = std::fabs(w[t]) >= threshold ? std::lround(w[t] / scale) : 0;
            if (q != 0) {
                mask = static_cast<std::uint16_t>(mask | (1U << t));
                values.push_back(static_cast<std::int16_t>(q));
            }
        }
        out.put<std::uint64_t>(keys_[i]);
        out.put<std::uint16_t>(mask);
        for (const auto v : values) {
            out.put<std::int16_t>(v);
        }
    }
    return out.take();
}

Result<Model> Model::parse(std::string_view bytes, const std::string& origin) {
    const auto bad = [&](std::string_view what) {
        return fail(ErrorCode::Usage,
                    origin + ": not a Gazette tagger model (" + std::string(what) + ")",
                    "train one with scripts/eval-ner --save");
    };
    Reader in(bytes);
    if (!in.expect(kMagic)) {
        return bad("wrong header");
    }
    std::uint32_t tags = 0;
    if (!in.get(tags) || tags != kTagCount) {
        return bad("another tag set");
    }
    Model model;
    for (auto& t : model.transitions_) {
        if (!in.get(t)) {
            return bad("truncated");
        }
    }
    std::uint32_t count = 0;
    if (!in.get(count)) {
        return bad("truncated");
    }
    model.lexicon.common_words.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint64_t key = 0;
        if (!in.get(key)) {
            return bad("truncated");
        }
        model.lexicon.common_words.insert(key);
    }
    std::uint32_t longest = 0;
    if (!in.get(count) || !in.get(longest)) {
        return bad("truncated");
    }
    model.lexicon.longest_name = static_cast<int>(longest);
    model.lexicon.names.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint64_t key = 0;
        std::uint8_t bits = 0;
        if (!in.get(key) || !in.get(bits)) {
            return bad("truncated");
        }
        model.lexicon.names.emplace(key, bits);
    }
    float scale = 0;
    if (!in.get(scale) || !in.get(count)) {
        return bad("truncated");
    }
    model.keys_.reserve(count);
    model.weights_.reserve(static_cast<std::size_t>(count) * kTagCount);
    model.rehash(std::bit_ceil(static_cast<std::size_t>(count) * 2 + 2));
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint64_t key = 0;
        std::uint16_t mask = 0;
        if (!in.get(key) || !in.get(mask)) {
            return bad("truncated");
        }
        float* w = model.weights(key, true);
        for (int t = 0; t < kTagCount; ++t) {
            if ((mask >> t) & 1U) {
                std::int16_t q = 0;
                if (!in.get(q)) {
                    return bad("truncated");
                }
                w[t] = static_cast<float>(q) * scale;
            }
        }
    }
    if (!in.done()) {
        return bad("trailing bytes");
    }
    char hex[20];
    std::snprintf(hex,
                  sizeof hex,
                  "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
    model.fingerprint_ = hex;
    return model;
}

Result<Model> Model::load(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return fail(ErrorCode::Usage,
                    "cannot read the tagger model " + path,
                    "check the path given with --model");
    }
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return parse(bytes.str(), path);
}

Result<Model> Model::builtin() {
    return parse(
        std::string_view(gazette_ner_model_begin,
                         static_cast<std::size_t>(gazette_ner_model_end - gazette_ner_model_begin)),
        "the built-in tagger model");
}

}  // namespace gazette::ner
