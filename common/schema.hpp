/// @file
/// The schema: every term prefix, value slot, query field and limit of a Gazette database lives
/// here and nowhere else. Bump kVersion on any change that alters what is stored; databases
/// record it and readers refuse another version with a hint to re-index.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::schema {

/// Stored in the database metadata under kVersionKey; checked on every open.
inline constexpr int kVersion = 1;
inline constexpr std::string_view kVersionKey = "gazette.schema_version";

/// Glass refuses terms over 245 bytes; longer words are not indexed, longer ids are hashed.
inline constexpr std::size_t kMaxTermBytes = 240;
/// Bodies longer than this are cut (at a paragraph) before indexing, with a warning.
inline constexpr std::size_t kMaxBodyBytes = 8u << 20;
/// Files larger than this are refused unread; split them.
inline constexpr std::size_t kMaxFileBytes = 512u << 20;
/// A JSON Lines line longer than this is skipped (its report would be cut to kMaxBodyBytes).
inline constexpr std::size_t kMaxLineBytes = 64u << 20;
/// Title words are indexed in the body's terms too, each occurrence counting this many times, so
/// a title match outranks a body match while sharing the body's term statistics (Omega does the
/// same). Title-only terms (prefix S) serve title: searches.
inline constexpr Xapian::termcount kTitleWdf = 3;
/// A query longer than this is refused with a usage error.
inline constexpr std::size_t kMaxQueryBytes = 4096;
/// The most results one page may ask for.
inline constexpr int kMaxLimit = 1000;

/// Value slots. Append only: a slot's number never changes meaning.
enum class Slot : Xapian::valueno {
    Date = 0,         ///< publication date "YYYYMMDD"; absent when undated (sort, range, facet)
    Outlet = 1,       ///< outlet display name (facet)
    Author = 2,       ///< author display name
    ContentHash = 3,  ///< hash of what was indexed (incremental re-indexing skips equal ones)
    Source = 4,       ///< absolute path of its file, "PATH:LINE" for JSONL (--prune)
};

[[nodiscard]] constexpr Xapian::valueno slot(Slot s) {
    return static_cast<Xapian::valueno>(s);
}

/// Term prefixes (Omega's conventions: Q unique id, S title, Z stemmed; X for our own).
namespace prefix {
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kBody = "";
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kStemmed = "Z";
inline constexpr std::string_view kOutlet = "XO";
inline constexpr std::string_view kAuthor = "XA";
inline constexpr std::string_view kYear = "Y";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kDay = "D";
}  // namespace prefix

/// How a query field matches.
enum class FieldKind {
    Text,     ///< words, stemmed, with positions (title:)
    Boolean,  ///< an exact filter on a whole value (outlet:, author:, id:)
    Date,     ///< a date spec over the date slot (date:)
};

/// A field users can name in a query: `name:value`.
struct Field {
    std::string_view name;
    std::string_view prefix;
    FieldKind kind;
    bool folded;  ///< boolean values are folded with text::fold_key() (outlet, author) or kept (id)
    std::string_view example;
};

inline constexpr std::array kFields{
    Field{"title", prefix::kTitle, FieldKind::Text, true, "title:withdrawal"},
    Field{"outlet", prefix::kOutlet, FieldKind::Boolean, true, "outlet:\"Kyiv Post\""},
    Field{"author", prefix::kAuthor, FieldKind::Boolean, true, "author:\"Yuri Zoria\""},
    Field{"id", prefix::kId, FieldKind::Boolean, false, "id:000_538164c2fa05198d"},
    Field{"date", "", FieldKind::Date, false, "date:2025-01..2025-02"},
};

/// @return the field of that name, or nullptr.
[[nodiscard]] const Field* find_field(std::string_view name);

/// @return the boolean term of a field value ("Kyiv Post" -> "XOkyiv post"); values longer than
/// the term limit are cut and suffixed with a hash so that they stay distinct.
[[nodiscard]] std::string boolean_term(const Field& field, std::string_view value);

/// @return the boolean term of a named field; the field must exist.
[[nodiscard]] std::string boolean_term(std::string_view field_name, std::string_view value);

/// @return the unstemmed term of a word in a text field ("" for body, "S" for title).
[[nodiscard]] std::string word_term(std::string_view field_prefix, std::string_view word);

/// @return the stemmed term of a word in a text field ("Zwithdraw", "ZSwithdraw").
[[nodiscard]] std::string stem_term(std::string_view field_prefix, std::string_view stem);

/// @return the year, month and day terms of a publication date ("Y2025", "M202501", "D20250131").
[[nodiscard]] std::array<std::string, 3> date_terms(int year, int month, int day);

namespace detail {
constexpr bool prefixes_unique() {
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        for (std::size_t j = i + 1; j < kFields.size(); ++j) {
            if (kFields[i].name == kFields[j].name ||
                (!kFields[i].prefix.empty() && kFields[i].prefix == kFields[j].prefix)) {
                return false;
            }
        }
    }
    return true;
}
}  // namespace detail
static_assert(detail::prefixes_unique(), "query fields must have distinct names and prefixes");

}  // namespace gazette::schema
