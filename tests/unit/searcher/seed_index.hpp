/// @file
/// The five seed reports indexed once per test process into a temporary database, for the
/// searcher's tests; and small feeds indexed for one test.
#pragma once

#include "indexer/indexing_run.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <string>

namespace gazette::testing {

struct SeedIndex {
    TempDir dir;
    std::string db = dir / "db";
    SeedIndex() {
        indexer::IndexRunOptions options;
        options.db_path = db;
        options.paths = {corpus_dir()};
        auto summary = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE(summary);
        REQUIRE(summary->added == 5);
    }
};

/// Indexes the JSON Lines `feed` (written into `dir` as `name`) into `db`, in `shards` shards.
inline void index_feed(const TempDir& dir,
                       const std::string& db,
                       std::size_t shards,
                       const std::string& name,
                       const std::string& feed) {
    indexer::IndexRunOptions options;
    options.db_path = db;
    options.shards = shards;
    options.paths = {dir.write(name, feed)};
    auto summary = indexer::run_indexing(options, [](const InputProblem&) {});
    REQUIRE(summary);
}

/// @return the seed database, indexed on first use.
inline SeedIndex& seeds() {
    static SeedIndex index;
    return index;
}

}  // namespace gazette::testing
