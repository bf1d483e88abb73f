#include "searcher/entity_spellings.hpp"

#include "common/entity_names.hpp"
#include "common/text/analyzer.hpp"

#include <algorithm>

namespace gazette::search {

std::string entity_filter_key(std::string_view value, const entities::AliasTable* aliases) {
    if (aliases != nullptr) {
        if (const auto* entry = aliases->resolve(value)) {
            return entities::entity_key(entry->name);
        }
    }
    return entities::entity_key(value);
}

std::string gazetteer_entity_key(std::string_view text, const entities::AliasTable* aliases) {
    const auto* entry = aliases != nullptr ? aliases->resolve_as_written(text) : nullptr;
    return entry == nullptr ? std::string() : entities::entity_key(entry->name);
}

bool is_known_name(std::string_view text, const entities::AliasTable* aliases) {
    return aliases != nullptr && aliases->resolve_as_written(text) != nullptr;
}

std::vector<std::string> entity_spellings(std::string_view text,
                                          const entities::AliasTable* aliases) {
    const std::string own_key = entities::entity_key(text);
    if (own_key.empty()) {
        return {};
    }
    std::vector<std::string> spellings;
    const auto add = [&](const std::string& spelling) {
        if (text::fold_key(spelling) != text::fold_key(text) &&
            std::find(spellings.begin(), spellings.end(), spelling) == spellings.end()) {
            spellings.push_back(spelling);
        }
    };
    std::vector<std::string> known{std::string(text)};
    if (const auto* entry = aliases != nullptr ? aliases->resolve_as_written(text) : nullptr) {
        known.push_back(entry->name);
        known.insert(known.end(), entry->aliases.begin(), entry->aliases.end());
    } else if (entities::is_as_written_key(own_key)) {
        return {};  // "us", "un": words, not the short names "US" and "UN"
    }
    for (const auto& spelling : known) {
        add(spelling);
        if (spelling.find(' ') == std::string::npos) {
            for (const auto& variant : entities::transliteration_variants(text::fold(spelling))) {
                add(variant);
            }
        }
    }
    return spellings;
}

}  // namespace gazette::search
