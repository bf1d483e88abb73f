/// @file
/// Synonym expansion, done by Gazette rather than by Xapian's database synonyms (which do not
/// travel to remote shards in Xapian 1.4): a free-text word becomes one OP_SYNONYM of its stem
/// and its alternatives, so that a report using any of them ranks as if it used the word.
/// Alternatives come from the editable synonyms file (corpus/synonyms.tsv: listed words and
/// phrases), from British/American spelling rules (english_spellings.hpp) and from compound
/// splits ("frontline" -> "front line", compounds.hpp). Quoted phrases and =exact words are never
/// expanded.
#pragma once

#include "common/error.hpp"
#include "common/text/analyzer.hpp"
#include "searcher/query_binder.hpp"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::search {

/// The listed synonyms: groups of words and phrases that mean the same. A word or phrase is
/// looked up by the stems of its words, so "withdrawals" finds the group of "withdrawal" and
/// "pulled back" the group of "pull back".
class SynonymTable {
  public:
    /// One entry of a group: its folded words (one word, or a phrase).
    using Entry = std::vector<std::string>;

    /// Reads a synonyms file: one group a line, its entries separated by tabs; '#' starts a
    /// comment line; blank lines are skipped.
    /// @return ErrorCode::Usage naming the file and line when it cannot be read or a line has
    /// fewer than two entries.
    [[nodiscard]] static Result<SynonymTable> load(const std::string& path);

    /// Parses the text of a synonyms file; `source` names it in errors.
    [[nodiscard]] static Result<SynonymTable> parse(std::string_view text,
                                                    std::string_view source,
                                                    text::Analyzer& analyzer);

    /// @return every entry that means the same as the entry with these stems (itself included),
    /// or an empty list.
    [[nodiscard]] std::vector<const Entry*> alternatives(
        const std::vector<std::string>& stems) const;

    /// @return the most words any entry has.
    [[nodiscard]] std::size_t longest_entry() const { return longest_; }
    [[nodiscard]] std::size_t group_count() const { return groups_.size(); }
    /// The file the table was read from ("" when none).
    [[nodiscard]] const std::string& source() const { return source_; }

  private:
    std::vector<std::vector<Entry>> groups_;
    /// Stems of an entry, joined by spaces -> the groups it is in.
    std::unordered_map<std::string, std::vector<std::size_t>> groups_by_stems_;
    std::size_t longest_ = 0;
    std::string source_;
};

/// @return the synonyms file gazette-search reads when --synonyms is not given:
/// $GAZETTE_SYNONYMS, else the corpus/synonyms.tsv of the source tree it was built from.
[[nodiscard]] std::string default_synonyms_path();

/// Loads the synonyms file `named` (which must exist), else the default one when it exists (an
/// empty table when it does not). gazette-search's --synonyms and gazette-serve's share this.
[[nodiscard]] Result<SynonymTable> load_synonyms(const std::string& named);

/// Turns free-text words into queries with their alternatives, for one query over one database.
class SynonymExpander {
  public:
    SynonymExpander(const SynonymTable& table,
                    const Xapian::Database& database,
                    text::Analyzer& analyzer)
        : table_(table), database_(database), analyzer_(analyzer) {}

    /// The database the alternatives are looked up in.
    [[nodiscard]] const Xapian::Database& database() const { return database_; }

    /// @return the query of a folded free-text word: its stem alone, or OP_SYNONYM of its stem
    /// and its alternatives that occur in the database. Adds what snippets should mark.
    [[nodiscard]] Xapian::Query word(const std::string& term, Highlight& highlight);

    /// A listed phrase found among the query's plain words.
    struct PhraseMatch {
        std::size_t words = 0;  ///< how many of the words it covers
        Xapian::Query query;    ///< OP_SYNONYM of the phrase and its alternatives
    };

    /// @return the longest listed entry of two words or more that the words from `start` on
    /// begin with ("north korea troops" -> "north korea"), or nothing.
    [[nodiscard]] std::optional<PhraseMatch> phrase_at(const std::vector<std::string>& terms,
                                                       std::size_t start,
                                                       Highlight& highlight);

  private:
    /// @return the alternatives of the entry with these stems, as queries ("own" excluded).
    std::vector<Xapian::Query> listed(const std::vector<std::string>& stems,
                                      const std::vector<std::string>& own,
                                      Highlight& highlight);
    /// @return an entry as a query: a stemmed word, or a phrase in which each word may take any
    /// of its inflections found in the database ("pull back" matches "pulled back"); nothing
    /// when a word of the phrase never occurs.
    std::optional<Xapian::Query> entry_query(const SynonymTable::Entry& entry,
                                             Highlight& highlight);
    /// @return the regular inflections of `word` (itself included) that occur in the database.
    std::vector<std::string> inflections(const std::string& word);

    const SynonymTable& table_;
    const Xapian::Database& database_;
    text::Analyzer& analyzer_;
};

}  // namespace gazette::search
