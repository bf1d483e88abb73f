#include "searcher/date_histogram.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using search::BucketSize;
using search::make_date_histogram;

namespace {

std::vector<std::pair<CalendarDate, Xapian::doccount>> days(
    std::initializer_list<std::pair<const char*, Xapian::doccount>> list) {
    std::vector<std::pair<CalendarDate, Xapian::doccount>> out;
    for (const auto& [iso, count] : list) {
        out.emplace_back(*parse_date(iso), count);
    }
    return out;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("date_histogram: days for a few days, with the empty ones between") {
        const auto h =
            make_date_histogram(days({{"2025-02-01", 1}, {"2025-01-27", 1}, {"2025-01-31", 2}}));
        CHECK(h.bucket == BucketSize::Day);
        REQUIRE(h.buckets.size() == 6);
        CHECK(h.buckets.front().label == "2025-01-27");
        CHECK(h.buckets.front().count == 1);
        CHECK(h.buckets[1].count == 0);
        CHECK(h.buckets[4].label == "2025-01-31");
        CHECK(h.buckets[4].count == 2);
        CHECK(h.buckets.back().start.iso() == "2025-02-01");
    }

    TEST_CASE("date_histogram: weeks, months and years as the span grows") {
        auto h = make_date_histogram(days({{"2025-01-01", 1}, {"2025-03-01", 3}}));
        CHECK(h.bucket == BucketSize::Week);
        CHECK(h.buckets.front().label == "2025-W01");
        CHECK(h.buckets.front().start.iso() == "2024-12-30");  // weeks start on Monday
        CHECK(h.buckets.back().label == "2025-W09");
        CHECK(h.buckets.back().count == 3);

        h = make_date_histogram(days({{"2024-01-15", 1}, {"2025-03-01", 2}, {"2025-03-31", 1}}));
        CHECK(h.bucket == BucketSize::Month);
        CHECK(h.buckets.size() == 15);
        CHECK(h.buckets.back().label == "2025-03");
        CHECK(h.buckets.back().count == 3);
        CHECK(h.buckets.back().end.iso() == "2025-03-31");

        h = make_date_histogram(days({{"2012-06-01", 4}, {"2020-04-01", 1}}));
        CHECK(h.bucket == BucketSize::Year);
        CHECK(h.buckets.size() == 9);
        CHECK(h.buckets.front().label == "2012");
        CHECK(h.buckets.front().count == 4);
    }

    TEST_CASE("date_histogram: the bars add up to the dated matches") {
        const auto input = days({{"2019-12-31", 2}, {"2020-01-01", 5}, {"2020-06-30", 1}});
        const auto h = make_date_histogram(input);
        Xapian::doccount total = 0;
        for (const auto& b : h.buckets) {
            total += b.count;
            CHECK(b.start <= b.end);
        }
        CHECK(total == 8);
        CHECK(make_date_histogram({}).buckets.empty());
    }
}
