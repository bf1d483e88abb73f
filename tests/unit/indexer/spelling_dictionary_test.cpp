#include "indexer/spelling_dictionary.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <map>
#include <string>

using namespace gazette;

namespace {

/// The spelling table's words and frequencies.
std::map<std::string, Xapian::doccount> dictionary(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        words[*it] = it.get_termfreq();
    }
    return words;
}

/// A document with terms on both sides of the prefixed range and inside it.
Xapian::Document mixed_terms() {
    Xapian::Document doc;
    for (const char* term : {"#tag",
                             "2024",
                             "Amidst",
                             "Qid",
                             "XPoleksandr syrsky",
                             "Zwithdraw",
                             "[bracketed",
                             "_under",
                             "a",
                             "troops",
                             "withdrawal",
                             "x9",
                             "\xc3\xa9migr\xc3\xa9"}) {
        doc.add_term(term);
    }
    return doc;
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("spelling_dictionary: unprefixed words only, counted once per report") {
        testing::TempDir dir;
        Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
        indexer::SpellingChanges changes;
        changes.add(mixed_terms());
        changes.add(mixed_terms());
        changes.apply(db);
        db.commit();
        const std::map<std::string, Xapian::doccount> expected = {
            {"#tag", 2},
            {"[bracketed", 2},
            {"_under", 2},
            {"troops", 2},
            {"withdrawal", 2},
            {"\xc3\xa9migr\xc3\xa9", 2},
        };
        CHECK(dictionary(db) == expected);

        changes.remove(mixed_terms());
        changes.apply(db);
        db.commit();
        auto once = expected;
        for (auto& [word, count] : once) {
            count = 1;
        }
        CHECK(dictionary(db) == once);
    }
}
