#include "indexer/ner/trainer.hpp"

#include <random>
#include <unordered_map>

namespace gazette::ner {
namespace {

/// Lexicon of names from the training labels, leaving out one fold of documents (or none
/// when `left_out` is negative).
void add_names(Lexicon& lexicon,
               const std::vector<ConllSentence>& sentences,
               const std::vector<std::vector<int>>& tags,
               int folds,
               int left_out) {
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        if (left_out >= 0 && sentences[s].document % folds == left_out) {
            continue;
        }
        const auto& t = tags[s];
        for (std::size_t i = 0; i < t.size();) {
            if (!is_begin(t[i])) {
                ++i;
                continue;
            }
            std::size_t end = i + 1;
            while (end < t.size() && is_inside(t[end]) && class_of(t[end]) == class_of(t[i])) {
                ++end;
            }
            std::vector<std::string> name(sentences[s].tokens.begin() + static_cast<long>(i),
                                          sentences[s].tokens.begin() + static_cast<long>(end));
            lexicon.add_name(name, static_cast<int>(class_of(t[i])));
            i = end;
        }
    }
}

/// Weights and their running sums for averaging (Daume's trick: the average is w - u / c).
struct Averaged {
    Model weights;
    Model sums;

    void update(std::uint64_t feature, int tag, float delta, double clock) {
        weights.weights(feature, true)[tag] += delta;
        sums.weights(feature, true)[tag] += static_cast<float>(clock) * delta;
    }
};

}  // namespace

std::vector<int> iob2_tags(const std::vector<std::string>& labels) {
    std::vector<int> tags;
    tags.reserve(labels.size());
    for (const auto& label : labels) {
        int tag = tag_from_name(label).value_or(kOutside);
        if (is_inside(tag) && !allowed(tags.empty() ? kOutside : tags.back(), tag)) {
            tag = begin_tag(class_of(tag));
        }
        tags.push_back(tag);
    }
    return tags;
}

Model train(const std::vector<ConllSentence>& sentences,
            const TrainingOptions& options,
            const std::function<void(int epoch, double accuracy)>& progress) {
    std::vector<std::vector<int>> gold;
    gold.reserve(sentences.size());
    for (const auto& s : sentences) {
        gold.push_back(iob2_tags(s.labels));
    }

    // The lexicon: common lower-case words of the running text, and the names of the labels.
    Averaged model;
    std::unordered_map<std::string, int> lower_counts;
    for (const auto& s : sentences) {
        for (const auto& token : s.tokens) {
            if (lower_token(token) == token && !token.empty() &&
                std::isalpha(static_cast<unsigned char>(token[0]))) {
                ++lower_counts[token];
            }
        }
    }
    Lexicon full;
    for (const auto& [word, count] : lower_counts) {
        if (count >= options.min_common_count) {
            full.common_words.insert(Lexicon::word_key(word));
        }
    }
    add_names(full, sentences, gold, options.lexicon_folds, -1);

    // Features of each training sentence, computed once, with its fold's lexicon.
    std::vector<SentenceFeatures> features(sentences.size());
    {
        FeatureScratch scratch;
        for (int fold = 0; fold < options.lexicon_folds; ++fold) {
            Lexicon partial;
            partial.common_words = full.common_words;
            add_names(partial, sentences, gold, options.lexicon_folds, fold);
            for (std::size_t s = 0; s < sentences.size(); ++s) {
                if (sentences[s].document % options.lexicon_folds == fold) {
                    std::vector<std::string> tokens;
                    for (const auto& t : sentences[s].tokens) {
                        tokens.push_back(t);
                    }
                    extract_features(tokens, partial, scratch, features[s]);
                }
            }
        }
    }

    std::vector<std::size_t> order(sentences.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::mt19937 random(options.seed);
    TaggerScratch scratch;
    std::vector<int> predicted;
    double clock = 1;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        // Fisher-Yates with the generator's raw output: the same order on every platform.
        for (std::size_t i = order.size(); i > 1; --i) {
            std::swap(order[i - 1], order[random() % i]);
        }
        std::size_t correct = 0;
        std::size_t total = 0;
        for (const std::size_t s : order) {
            const SentenceFeatures& f = features[s];
            const std::vector<int>& truth = gold[s];
            model.weights.decode(f, scratch, predicted);
            for (std::size_t i = 0; i < truth.size(); ++i) {
                correct += predicted[i] == truth[i] ? 1 : 0;
                ++total;
                const int previous_truth = i == 0 ? kTagCount : truth[i - 1];
                const int previous_predicted = i == 0 ? kTagCount : predicted[i - 1];
                if (predicted[i] == truth[i] && previous_predicted == previous_truth) {
                    continue;
                }
                model.weights.transition(previous_truth, truth[i]) += 1;
                model.sums.transition(previous_truth, truth[i]) += static_cast<float>(clock);
                model.weights.transition(previous_predicted, predicted[i]) -= 1;
                model.sums.transition(previous_predicted, predicted[i]) -=
                    static_cast<float>(clock);
                if (predicted[i] == truth[i]) {
                    continue;
                }
                for (std::uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
                    model.update(f.hashes[k], truth[i], 1, clock);
                    model.update(f.hashes[k], predicted[i], -1, clock);
                }
            }
            clock += 1;
        }
        if (progress) {
            progress(epoch,
                     total > 0 ? static_cast<double>(correct) / static_cast<double>(total) : 0);
        }
    }

    // Average: w - u / c.
    Model averaged;
    averaged.lexicon = std::move(full);
    model.weights.for_each_feature([&](std::uint64_t key, float* w) {
        const float* u = model.sums.weights(key);
        float* out = averaged.weights(key, true);
        for (int t = 0; t < kTagCount; ++t) {
            out[t] = w[t] - (u != nullptr ? u[t] : 0.0F) / static_cast<float>(clock);
        }
    });
    for (int p = 0; p <= kTagCount; ++p) {
        for (int t = 0; t < kTagCount; ++t) {
            averaged.transition(p, t) = model.weights.transition(p, t) -
                                        model.sums.transition(p, t) / static_cast<float>(clock);
        }
    }
    return averaged;
}

}  // namespace gazette::ner
