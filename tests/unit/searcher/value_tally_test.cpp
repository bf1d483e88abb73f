// The facets' counting table: exact counts through growth, one entry per distinct value.
#include "searcher/value_tally.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using gazette::search::ValueTally;

TEST_SUITE("searcher") {
    TEST_CASE("value_tally: counts every value exactly, also after growing many times") {
        ValueTally tally;
        std::map<std::string, Xapian::doccount> expected;
        for (int i = 0; i < 20000; ++i) {
            const std::string value = "story-" + std::to_string(i % 7919);
            tally.add(value);
            ++expected[value];
        }
        tally.add("Reuters", 5);
        expected["Reuters"] += 5;
        tally.add("nothing", 0);  // a count of 0 adds no value

        std::map<std::string, Xapian::doccount> seen;
        tally.for_each([&](std::string_view value, Xapian::doccount count) {
            CHECK(seen.emplace(std::string(value), count).second);  // each value once
        });
        CHECK(seen == expected);
        CHECK(tally.size() == expected.size());
        CHECK(tally.total() == 20005);
    }

    TEST_CASE("value_tally: values that differ only in a byte or in length stay apart") {
        ValueTally tally;
        tally.add("2024-08");
        tally.add("2024-09");
        tally.add("2024-0");
        tally.add(std::string_view("a\0b", 3));
        tally.add(std::string_view("a\0c", 3));
        tally.add("2024-08");
        std::map<std::string, Xapian::doccount> seen;
        tally.for_each([&](std::string_view value, Xapian::doccount count) {
            seen[std::string(value)] = count;
        });
        CHECK(seen.size() == 5);
        CHECK(seen["2024-08"] == 2);
        CHECK(seen["2024-09"] == 1);
    }

    TEST_CASE("value_tally: merge adds counts, a value's hash is the same in every table") {
        ValueTally a;
        ValueTally b;
        a.add("Reuters", 2);
        a.add("AP");
        b.add("Reuters");
        b.add("BBC", 3);
        a.merge(b);
        std::map<std::string, Xapian::doccount> seen;
        std::map<std::string, std::uint64_t> hash_in_a;
        a.for_each_hashed([&](std::uint64_t hash, std::string_view value, Xapian::doccount count) {
            seen[std::string(value)] = count;
            hash_in_a[std::string(value)] = hash;
        });
        CHECK(seen ==
              std::map<std::string, Xapian::doccount>{{"AP", 1}, {"BBC", 3}, {"Reuters", 3}});
        CHECK(a.total() == 7);
        b.for_each_hashed([&](std::uint64_t hash, std::string_view value, Xapian::doccount) {
            CHECK(hash == hash_in_a[std::string(value)]);
        });
        CHECK(hash_in_a["AP"] != hash_in_a["BBC"]);
    }

    TEST_CASE("value_tally: parts of lists count, each list once in the total, merged too") {
        ValueTally a;
        ValueTally b;
        a.add("2024-08 2024-11", 2);                               // two reports' whole lists
        b.add_part(ValueTally::hash_of("2024-08"), "2024-08", 3);  // three lists, by part
        b.add_part(ValueTally::hash_of("2024-11"), "2024-11", 1);
        b.add_lists(3);
        CHECK(b.total() == 3);
        CHECK(b.size() == 2);
        a.merge(b);
        std::map<std::string, Xapian::doccount> seen;
        a.for_each([&](std::string_view value, Xapian::doccount count) {
            seen[std::string(value)] = count;
        });
        CHECK(seen == std::map<std::string, Xapian::doccount>{
                          {"2024-08 2024-11", 2}, {"2024-08", 3}, {"2024-11", 1}});
        CHECK(a.total() == 5);  // the matches with a list, not the sum of the counts
    }
}
