/// @file
/// Trains the tagger: a structured averaged perceptron (Collins 2002) over CoNLL sentences,
/// decoded with the same Viterbi as tagging. Deterministic: the same data and options give the
/// same model, byte for byte.
#pragma once

#include "indexer/ner/conll.hpp"
#include "indexer/ner/model.hpp"

#include <functional>
#include <string>
#include <vector>

namespace gazette::ner {

struct TrainingOptions {
    int epochs = 10;
    unsigned seed = 1;  ///< the order sentences are visited in each epoch
    /// Names the lexicon lists are learnt from the training labels; while training, each
    /// document sees only the names of the other folds, so the feature is as reliable in
    /// training as on unseen text.
    int lexicon_folds = 10;
    int min_common_count = 2;  ///< lower-case occurrences that make a word "common"
};

/// @return a model trained on `sentences` (IOB1 or IOB2 labels). `progress` gets each epoch's
/// training accuracy.
[[nodiscard]] Model train(const std::vector<ConllSentence>& sentences,
                          const TrainingOptions& options,
                          const std::function<void(int epoch, double accuracy)>& progress);

/// @return IOB2 tags of CoNLL labels (an I- tag that starts a name becomes B-).
[[nodiscard]] std::vector<int> iob2_tags(const std::vector<std::string>& labels);

}  // namespace gazette::ner
