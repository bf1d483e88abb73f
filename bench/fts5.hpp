/// @file
/// SQLite FTS5, the peer every bench compares against: indexing the same JSONL articles and
/// answering the same queries (bm25 rank, top 10), in process through SQLite's C API.
#pragma once

#include "bench/query_set.hpp"

#include <sqlite3.h>
#include <string>

namespace gazette::bench {

/// Indexes JSONL articles into an FTS5 table (porter stemming over unicode61 tokens, like our
/// English stemming). @return the number of articles, or -1 (with a message on stderr).
long fts5_index(const std::string& db_path, const std::string& jsonl_path);

/// Answers bench queries from an FTS5 database: the words OR-ed (like Gazette's default), the
/// outlet and month as column filters, the entity as a required phrase.
class Fts5Searcher {
  public:
    explicit Fts5Searcher(const std::string& db_path);
    ~Fts5Searcher();
    Fts5Searcher(const Fts5Searcher&) = delete;
    Fts5Searcher& operator=(const Fts5Searcher&) = delete;
    Fts5Searcher(Fts5Searcher&&) = delete;
    Fts5Searcher& operator=(Fts5Searcher&&) = delete;

    /// @return the number of rows returned (at most 10).
    int search(const BenchQuery& query);

  private:
    sqlite3* db_ = nullptr;
};

}  // namespace gazette::bench
