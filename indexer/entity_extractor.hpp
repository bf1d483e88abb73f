/// @file
/// Finds the people, organisations and places a report names, and merges the spellings of each
/// into one entity. The statistical tagger proposes names; the gazetteer (corpus/entities.tsv)
/// wins over it; rules add call signs in quotes ("the call sign “Puls”") and join a bare surname
/// to the full name the report gives (Kovalenko after Andrey Kovalenko); entity_key() merges
/// transliterations and hyphenation. Read-only after construction: threads share one
/// extractor (each call uses its thread's scratch space).
#pragma once

#include "common/alias_table.hpp"
#include "common/report.hpp"
#include "indexer/ner/model.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace gazette::indexer {

class EntityExtractor {
  public:
    EntityExtractor(ner::Model model, entities::AliasTable aliases);

    /// @return the entities of a cleaned report (its title, unless derived, and its body),
    /// most mentioned first.
    [[nodiscard]] std::vector<Entity> extract(const Report& report) const;

    /// @return the entities of a text (lines are paragraphs).
    [[nodiscard]] std::vector<Entity> extract_text(std::string_view text) const;

    /// @return what decides the output besides the text: the model's and the gazetteer's
    /// hashes (part of each report's content hash).
    [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }

    [[nodiscard]] const entities::AliasTable& aliases() const { return aliases_; }

  private:
    /// @return true when the training data knew these words only as a miscellaneous name (a
    /// nationality, an event): not a person, organisation or place.
    [[nodiscard]] bool is_misc_name(const std::vector<std::string>& lower,
                                    std::size_t begin,
                                    std::size_t end) const;
    /// @return true when a name is a demonym of a gazetteer place ("North Koreans").
    [[nodiscard]] bool is_demonym(const std::string& key) const;

    ner::Model model_;
    entities::AliasTable aliases_;
    /// First words (keys) of every gazetteer spelling: where a gazetteer match may start.
    std::unordered_set<std::string> first_words_;
    std::size_t longest_spelling_ = 1;  ///< in tokens
    /// Keys of the gazetteer's places: "North Koreans" is a demonym of "North Korea", not a name.
    std::vector<std::string> place_keys_;
    std::string fingerprint_;
};

/// @return an extractor with the gazetteer at `gazetteer_path` (empty: the default, see
/// entities::load_gazetteer) and the model at `model_path` (empty: the built-in model).
[[nodiscard]] Result<std::shared_ptr<const EntityExtractor>> load_entity_extractor(
    const std::string& gazetteer_path, const std::string& model_path);

}  // namespace gazette::indexer
