/// @file
/// The five seed reports indexed once per test process into a temporary database, for the
/// searcher's tests.
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

/// @return the seed database, indexed on first use.
inline SeedIndex& seeds() {
    static SeedIndex index;
    return index;
}

}  // namespace gazette::testing
