/// @file
/// The spelling dictionary behind "did you mean": Xapian's spelling table, filled with the words
/// of every report (titles and bodies), each counted once per report, and emptied of a report's
/// words again when it is replaced or deleted, so that the counts stay document frequencies.
#pragma once

#include <xapian.h>

namespace gazette::indexer {

/// Adds the words of a document (its unprefixed terms, numbers left out) to the dictionary.
void add_spellings(Xapian::WritableDatabase& database, const Xapian::Document& doc);

/// Takes the words of a document that is being replaced or deleted out of the dictionary.
void remove_spellings(Xapian::WritableDatabase& database, const Xapian::Document& doc);

}  // namespace gazette::indexer
