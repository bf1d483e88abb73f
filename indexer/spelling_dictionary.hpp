/// @file
/// The spelling dictionary behind "did you mean": Xapian's spelling table, filled with the words
/// of every report (titles and bodies), each counted once per report, and emptied of a report's
/// words again when it is replaced or deleted, so that the counts stay document frequencies.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace gazette::indexer {

/// The changes to the dictionary since the last commit, written in one go (one call per distinct
/// word instead of one per word and report).
class SpellingChanges {
  public:
    /// Counts the words of a document being written (its unprefixed terms, numbers left out).
    void add(const Xapian::Document& doc);
    /// Uncounts the words of a document being replaced or deleted.
    void remove(const Xapian::Document& doc);
    /// Writes the changes into the database's spelling table (before its commit) and forgets them.
    void apply(Xapian::WritableDatabase& database);

  private:
    std::unordered_map<std::string, long> deltas_;
};

}  // namespace gazette::indexer
