/// @file
/// How spellings of one name become one key: the rules that merge transliterations
/// (Syrsky / Syrskyi / Сирський, Zelensky / Zelenskyy), hyphenation (Kim Jong-un / Kim Jong Un)
/// and a leading article (The New York Times / New York Times). The indexer names entities by
/// these keys and the searcher looks them up by them, so the two agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::entities {

/// @return the key of a name: transliterated to Latin when written in Cyrillic, folded
/// (fold_key: case, diacritics, punctuation), apostrophes dropped, a leading "the" dropped, and
/// each word's transliteration endings made one ("syrskyi", "syrskiy", "syrskyy" -> "syrsky").
/// Thread-safe.
[[nodiscard]] std::string entity_key(std::string_view name);

/// @return the other spellings the transliteration rules make of one folded word ("syrsky" ->
/// "syrskyi", "syrskiy", ...), for searching text that writes them; empty for a word the rules
/// do not touch.
[[nodiscard]] std::vector<std::string> transliteration_variants(std::string_view folded_word);

}  // namespace gazette::entities
