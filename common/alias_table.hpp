/// @file
/// The entity gazetteer (corpus/entities.tsv): canonical names, their types and their aliases,
/// edited by users. The indexer names what it extracts by it (it wins over the tagger); the
/// searcher resolves any spelling in a query (person:Syrsky) to the canonical entity with it.
///
/// Format: UTF-8, one entity a line, tab-separated: NAME, TYPE (person, org, place, or none for
/// a name that must never be an entity), and optionally ALIASES separated by '|'. Blank lines
/// and lines starting with '#' are ignored.
#pragma once

#include "common/error.hpp"
#include "common/report.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::entities {

/// A spelling whose entity key has at most this many bytes ("US", "U.S.", "UN", "SSO") names
/// its entity only as written: in other cases it is a common word ("us", "un").
inline constexpr std::size_t kAsWrittenKeyBytes = 3;

/// @return true when `key` (an entity_key()) is that short.
[[nodiscard]] inline bool is_as_written_key(std::string_view key) {
    return key.size() <= kAsWrittenKeyBytes;
}

struct GazetteerEntry {
    std::string name;                ///< canonical name
    std::optional<EntityType> type;  ///< empty: "none", never an entity
    std::vector<std::string> aliases;
    std::size_t line = 0;  ///< where it is written

    /// @return true when `spelling` is the name or an alias exactly as written here.
    [[nodiscard]] bool lists(std::string_view spelling) const;
};

class AliasTable {
  public:
    /// @return the table of a gazetteer file; ErrorCode::Usage naming the file and line for a
    /// malformed line, an unknown type, or a spelling that two entries claim.
    [[nodiscard]] static Result<AliasTable> load(const std::string& path);

    /// @return the table of gazetteer text; `origin` names it in errors.
    [[nodiscard]] static Result<AliasTable> parse(std::string_view text, const std::string& origin);

    /// @return the entry whose name or an alias has the same entity_key() as `spelling`, or
    /// nullptr.
    [[nodiscard]] const GazetteerEntry* resolve(std::string_view spelling) const;

    /// @return resolve(spelling), except that a short spelling (is_as_written_key) names its
    /// entry only as the gazetteer writes it: "US" is the United States, "us" is nobody.
    [[nodiscard]] const GazetteerEntry* resolve_as_written(std::string_view spelling) const;

    /// @return the entry of an entity key, or nullptr.
    [[nodiscard]] const GazetteerEntry* find_key(const std::string& key) const;

    [[nodiscard]] const std::vector<GazetteerEntry>& entries() const { return entries_; }

    /// @return a hash of the table's content: it changes whenever the table would name an
    /// entity differently, so re-indexing re-analyses every report.
    [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }

  private:
    std::vector<GazetteerEntry> entries_;
    std::unordered_map<std::string, std::size_t> by_key_;
    std::string fingerprint_ = "empty";
};

/// @return where the gazetteer is read from when no --entities is given: $GAZETTE_ENTITIES,
/// else corpus/entities.tsv of the source tree Gazette was built from.
[[nodiscard]] std::string default_gazetteer_path();

/// @return the table at `path` (when given) or at the default path; a missing default file
/// gives an empty table, a missing given file an error.
[[nodiscard]] Result<AliasTable> load_gazetteer(const std::string& path);

/// @return the type named in a gazetteer or a query ("person", "org", "place"), or nothing.
[[nodiscard]] std::optional<EntityType> entity_type_from_name(std::string_view name);

}  // namespace gazette::entities
