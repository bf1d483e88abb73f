/// @file
/// British and American spellings of one word, by rule rather than by list: -our/-or (armour,
/// armoured), -ise/-ize and -isation/-ization, -yse/-yze, -tre/-ter (centre, kilometres),
/// -ence/-ense (defence, offence), -ogue/-og, doubled l before a suffix (travelled, counsellor),
/// -lment/-llment, -dgement/-dgment, and ae/oe at the start of a word (haemorrhage, oesophagus).
/// The rules also make words that do not exist ("actour"); the searcher keeps only variants that
/// occur in the database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

/// @return the other spellings of a folded English word (both directions: "defence" ->
/// {"defense"}, "organization" -> {"organisation"}); empty for most words.
[[nodiscard]] std::vector<std::string> spelling_variants(std::string_view word);

}  // namespace gazette::search
