#include "searcher/wildcards.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

/// A database where "zelensky" is in 3 reports, "zelenskyy" in 2, "zelenskiy" in 2, "zelda" in
/// 1, and "Szelensky" (a title word) in 1.
Xapian::WritableDatabase spellings() {
    return testing::database_of({
        {"zelensky", "zelenskyy", "Szelensky"},
        {"zelensky", "zelenskiy"},
        {"zelensky", "zelenskyy", "zelenskiy"},
        {"zelda"},
    });
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("wildcards: the words a start begins, in term order") {
        const auto db = spellings();
        CHECK(search::wildcard_terms(db, "zelensk", 100) ==
              std::vector<std::string>{"zelenskiy", "zelensky", "zelenskyy"});
        CHECK(search::wildcard_terms(db, "zel", 100) ==
              std::vector<std::string>{"zelda", "zelenskiy", "zelensky", "zelenskyy"});
        // A field prefix keeps to its field.
        CHECK(search::wildcard_terms(db, "Szel", 100) == std::vector<std::string>{"Szelensky"});
        CHECK(search::wildcard_terms(db, "kyiv", 100).empty());
    }

    TEST_CASE("wildcards: over the limit, the most frequent, ties in term order") {
        const auto db = spellings();
        CHECK(search::wildcard_terms(db, "zel", 1) == std::vector<std::string>{"zelensky"});
        // zelenskiy and zelenskyy tie at 2: the first in term order is kept.
        CHECK(search::wildcard_terms(db, "zel", 2) ==
              std::vector<std::string>{"zelenskiy", "zelensky"});
        CHECK(search::wildcard_terms(db, "zel", 0).empty());
    }
}
