/// @file
/// The tagger's model: a linear score per token and tag over hashed features, a tag transition
/// matrix, and the lexicon the features consult; Viterbi decoding finds the best IOB2 sequence.
/// Read-only once loaded, so threads share one model (each with its own TaggerScratch).
#pragma once

#include "common/error.hpp"
#include "indexer/ner/features.hpp"
#include "indexer/ner/tags.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::ner {

/// Per-thread working space of Model::tag().
struct TaggerScratch {
    FeatureScratch features;
    SentenceFeatures sentence;
    /// The summed weights of each word's own features (word_features()), so that a word seen
    /// before costs one lookup instead of a dozen; for the model `scored_by` only.
    std::unordered_map<std::string, std::array<float, kTagCount>> word_scores;
    std::uint64_t scored_by = 0;  ///< Model::id() of the model the scores are of
    std::vector<std::uint64_t> word_hashes;
    std::vector<float> emission;
    std::vector<float> best;
    std::vector<int> back;
};

class Model {
  public:
    Model();

    /// @return the model read from the bytes Model::serialise() writes; ErrorCode::Input naming
    /// `origin` when they are not a model.
    [[nodiscard]] static Result<Model> parse(std::string_view bytes, const std::string& origin);

    /// @return the model in a file.
    [[nodiscard]] static Result<Model> load(const std::string& path);

    /// @return the model that ships with Gazette (corpus/models/ner.model, built in).
    [[nodiscard]] static Result<Model> builtin();

    /// @return the model as bytes: weights quantised to 16 bits, features with no weight as
    /// large as `min_weight` (relative to the largest) left out.
    [[nodiscard]] std::string serialise(float min_weight = 0) const;

    /// Tags a sentence of normalised tokens. @return one tag per token, in `tags`.
    void tag(const std::vector<std::string>& tokens,
             TaggerScratch& scratch,
             std::vector<int>& tags) const;

    /// Tags a sentence whose features are computed: Viterbi over IOB2 sequences.
    void decode(const SentenceFeatures& features,
                TaggerScratch& scratch,
                std::vector<int>& tags) const;

    [[nodiscard]] std::size_t feature_count() const { return keys_.size(); }

    /// @return a number no other model built or loaded in this process has (its copies share
    /// it): what TaggerScratch's word cache is keyed by. tag() assumes the weights no longer
    /// change (training decodes with decode(), which caches nothing).
    [[nodiscard]] std::uint64_t id() const { return id_; }

    /// @return a hash of the model as loaded ("" for a model being trained).
    [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }

    /// Training access: the weights of a feature (kTagCount floats), added when `create`.
    [[nodiscard]] float* weights(std::uint64_t feature, bool create);
    [[nodiscard]] const float* weights(std::uint64_t feature) const;
    /// transition(p, t): score of tag t after tag p; p == kTagCount is the sentence start.
    [[nodiscard]] float& transition(int previous, int tag) {
        return transitions_[static_cast<std::size_t>(previous * kTagCount + tag)];
    }
    [[nodiscard]] float transition(int previous, int tag) const {
        return transitions_[static_cast<std::size_t>(previous * kTagCount + tag)];
    }
    /// Calls f(feature, weights) for every feature.
    template <class F>
    void for_each_feature(F&& f) {
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            f(keys_[i], &weights_[i * kTagCount]);
        }
    }

    Lexicon lexicon;

  private:
    void rehash(std::size_t capacity);
    /// @return the table position of a feature, or the empty one where it would go.
    [[nodiscard]] std::size_t probe(std::uint64_t feature) const;
    /// Adds the features' weights to scratch.emission (which holds n x kTagCount scores) and
    /// finds the best IOB2 sequence.
    void viterbi(const SentenceFeatures& features,
                 TaggerScratch& scratch,
                 std::vector<int>& tags) const;

    std::vector<std::uint64_t> keys_;  ///< feature hashes, in insertion order
    std::vector<float> weights_;       ///< kTagCount per feature
    /// Open addressing, the key beside its index so that a lookup touches one cache line.
    struct Slot {
        std::uint64_t key = 0;
        std::uint32_t index = 0;  ///< 1 + index into keys_; 0: empty
    };
    std::vector<Slot> table_;
    std::vector<float> transitions_;  ///< (kTagCount + 1) x kTagCount
    std::string fingerprint_;
    std::uint64_t id_;
};

}  // namespace gazette::ner
