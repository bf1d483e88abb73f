/// @file
/// Entity names in queries: the key a filter value (person:Syrsky) resolves to, and the other
/// spellings of a name a free-text query writes, so that searching one spelling finds reports
/// that write another (Syrsky finds Syrskyi; DPRK finds North Korea).
#pragma once

#include "common/alias_table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

/// @return the entity key of a filter value: the canonical entity's key when the gazetteer
/// knows the spelling, else the spelling's own key (transliteration rules applied).
[[nodiscard]] std::string entity_filter_key(std::string_view value,
                                            const entities::AliasTable* aliases);

/// @return the other spellings of the entity `text` names: the gazetteer's name and aliases
/// when it lists the spelling, and the transliteration variants of single words (Syrsky ->
/// Syrskyi, Syrskiy, ...); empty when the text names no known entity and no rule applies. A
/// short spelling names an entity only as the gazetteer writes it ("US", not "us").
[[nodiscard]] std::vector<std::string> entity_spellings(std::string_view text,
                                                        const entities::AliasTable* aliases);

/// @return the entity key of the gazetteer entry `text` names (short spellings as written), or
/// "" when it names none.
[[nodiscard]] std::string gazetteer_entity_key(std::string_view text,
                                               const entities::AliasTable* aliases);

/// @return true when `text` (several query words) is a spelling the gazetteer lists.
[[nodiscard]] bool is_known_name(std::string_view text, const entities::AliasTable* aliases);

}  // namespace gazette::search
