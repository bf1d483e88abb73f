/// @file
/// The IOB2 tag set of the tagger (CoNLL-2003's: persons, organisations, locations, and
/// miscellaneous names, which are learnt but not extracted).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace gazette::ner {

inline constexpr int kTagCount = 9;
inline constexpr int kOutside = 0;
/// Entity classes, in tag order: tag 1 + 2k is B-class k, tag 2 + 2k is I-class k.
enum class NameClass { Person = 0, Organisation = 1, Location = 2, Misc = 3 };
inline constexpr int kClassCount = 4;

inline constexpr std::array<std::string_view, kTagCount> kTagNames = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
inline constexpr std::array<std::string_view, kClassCount> kClassNames = {
    "PER", "ORG", "LOC", "MISC"};

[[nodiscard]] constexpr bool is_begin(int tag) {
    return tag > 0 && tag % 2 == 1;
}
[[nodiscard]] constexpr bool is_inside(int tag) {
    return tag > 0 && tag % 2 == 0;
}
[[nodiscard]] constexpr NameClass class_of(int tag) {
    return static_cast<NameClass>((tag - 1) / 2);
}
[[nodiscard]] constexpr int begin_tag(NameClass c) {
    return 1 + 2 * static_cast<int>(c);
}
[[nodiscard]] constexpr int inside_tag(NameClass c) {
    return 2 + 2 * static_cast<int>(c);
}
/// IOB2: an I- tag only continues a name of its class.
[[nodiscard]] constexpr bool allowed(int previous, int tag) {
    return !is_inside(tag) || (previous > 0 && class_of(previous) == class_of(tag));
}

/// @return the tag of a CoNLL label ("B-PER"; IOB1 "I-PER" is read as it is).
[[nodiscard]] inline std::optional<int> tag_from_name(std::string_view name) {
    for (int t = 0; t < kTagCount; ++t) {
        if (kTagNames[static_cast<std::size_t>(t)] == name) {
            return t;
        }
    }
    return std::nullopt;
}

}  // namespace gazette::ner
