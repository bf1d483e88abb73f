#include "searcher/compounds.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace gazette;

namespace {

using Splits = std::vector<std::pair<std::string, std::string>>;

/// An in-memory database with one report for each list of (unstemmed) words.
using testing::database_of;

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("compounds: a solid word splits into two words as common as it is") {
        const auto db = database_of({{"health", "care", "healthcare"},
                                     {"health", "care"},
                                     {"health", "care", "healthcare"},
                                     {"front", "line"},
                                     {"frontline"}});
        CHECK(search::compound_splits("healthcare", db) == Splits{{"health", "care"}});
        CHECK(search::compound_splits("frontline", db) == Splits{{"front", "line"}});
        // A word the database does not hold splits when its halves are there.
        CHECK(search::compound_splits("carefront", db) == Splits{{"care", "front"}});
    }

    TEST_CASE("compounds: fragments rarer than the word are not its halves") {
        // Broken lines leave fragments in a corpus ("Republic- ans"); a common word is no
        // compound of them.
        const auto db = database_of({{"republicans", "republic"},
                                     {"republicans", "republic"},
                                     {"republicans", "ans"},
                                     {"republicans"},
                                     {"republicans"}});
        // sqrt(2 * 1) < 5: the halves are rarer than the word.
        CHECK(search::compound_splits("republicans", db).empty());
        // Where the word is rarer than its halves, it splits.
        const auto rare = database_of({{"republic", "ans"}, {"republic", "ans"}, {"republicans"}});
        CHECK(search::compound_splits("republicans", rare) == Splits{{"republic", "ans"}});
    }

    TEST_CASE("compounds: short words, function words, suffixes and non-letters do not split") {
        const auto db = database_of({{"kick", "ing", "with", "draw", "web", "site", "ab", "cdef"}});
        CHECK(search::compound_splits("kicking", db).empty());   // a suffix
        CHECK(search::compound_splits("withdraw", db).empty());  // a function word
        CHECK(search::compound_splits("abcdef", db).empty());    // a half under 3 letters
        CHECK(search::compound_splits("websit", db).empty());    // no such halves
        CHECK(search::compound_splits("web", db).empty());       // under 6 letters
        CHECK(search::compound_splits("web2site", db).empty());  // not all letters
    }
}
