/// @file
/// The one writer of a database: replaces reports by their unique id term (so re-indexing never
/// duplicates), skips reports whose content hash is unchanged, and commits in batches. It also
/// keeps what depends on the other reports: the story key of near-duplicates and the spelling
/// dictionary.
#pragma once

#include "common/database.hpp"
#include "common/error.hpp"
#include "indexer/spelling_dictionary.hpp"

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>

namespace gazette::indexer {

class IndexWriter {
  public:
    /// Opens (or creates) the database at `path` for writing; a new or rebuilt one with
    /// unsynced commits (db::Commits), which close() syncs.
    /// @param batch_size reports per commit: what a crash can lose at most.
    [[nodiscard]] static Result<IndexWriter> open(const std::string& path,
                                                  db::WriteMode mode,
                                                  std::size_t batch_size);

    /// What writing a report did.
    enum class Outcome { Added, Replaced };

    /// Adds or replaces report `id`, with its story key; commits when a batch is full.
    [[nodiscard]] Result<Outcome> write(const std::string& id, Xapian::Document document);

    /// Records that report `id` (unchanged) now comes from `source`: only the value changes;
    /// nothing is analysed again. Does nothing when there is no such report.
    [[nodiscard]] Result<void> move_source(const std::string& id, const std::string& source);

    /// Deletes report `id`. @return false when there was none.
    [[nodiscard]] Result<bool> remove(const std::string& id);

    /// Deletes the reports `is_stale(id_term, source)` picks, by their stored source.
    /// @return how many were deleted.
    [[nodiscard]] Result<std::size_t> prune(
        const std::function<bool(std::string_view id_term, std::string_view source)>& is_stale);

    /// @return true when changes are waiting for a commit.
    [[nodiscard]] bool has_pending() const { return pending_ > 0; }

    /// Commits what is pending.
    [[nodiscard]] Result<void> commit();

    /// Commits what is pending and closes the database; with unsynced commits, makes the disk
    /// hold it. Nothing may be written after it.
    [[nodiscard]] Result<void> close();

    [[nodiscard]] Xapian::doccount doc_count() const { return database_.get_doccount(); }

  private:
    IndexWriter(Xapian::WritableDatabase database,
                std::string path,
                std::size_t batch_size,
                db::Commits commits)
        : database_(std::move(database)),
          path_(std::move(path)),
          batch_size_(batch_size),
          commits_(commits) {}

    Result<void> count_change();

    /// Takes the words of the report indexed under `id_term` (which must exist) out of the
    /// spelling dictionary, before it is replaced or deleted.
    void forget_spellings(const std::string& id_term);

    Xapian::WritableDatabase database_;
    SpellingChanges spellings_;
    std::string path_;
    std::size_t batch_size_;
    db::Commits commits_;
    std::size_t pending_ = 0;
};

}  // namespace gazette::indexer
