/// @file
/// Story keys: reports that are near-duplicates of each other share one key, the id of the first
/// of them indexed, so that the searcher can collapse a story to one result (Enquire's collapse
/// key) and count distinct stories. Assigned when a report is written, by looking up the reports
/// already in the database that share one of its LSH band terms.
#pragma once

#include <xapian.h>

#include <string>

namespace gazette::indexer {

/// Sets the story key of `doc` (the document of report `id`, about to be written): the key of the
/// most similar near-duplicate among the other reports of `database` (uncommitted ones included),
/// else `id` itself.
/// @return the key.
std::string assign_story_key(const Xapian::Database& database,
                             const std::string& id,
                             Xapian::Document& doc);

}  // namespace gazette::indexer
