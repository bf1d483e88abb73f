#include "common/dates.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("common") {
    TEST_CASE("dates: publication date formats") {
        struct Case {
            const char* text;
            const char* iso;
        };
        const Case cases[] = {
            {"2025-01-31", "2025-01-31"},
            {"2025-01-31T10:20:00Z", "2025-01-31"},
            {"2025-01-31 10:20:00+02:00", "2025-01-31"},
            {"31/01/2025", "2025-01-31"},
            {"31.01.2025", "2025-01-31"},
            {"January 31, 2025", "2025-01-31"},
            {"Jan. 31, 2025", "2025-01-31"},
            {"Sept 3 2024", "2024-09-03"},
            {"31 January 2025", "2025-01-31"},
            {"  2024-02-29 ", "2024-02-29"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.text);
            const auto date = parse_date(c.text);
            REQUIRE(date.has_value());
            CHECK(date->iso() == c.iso);
        }
    }

    TEST_CASE("dates: what is not a date") {
        for (const char* text : {"",
                                 "2025-02-30",
                                 "2023-02-29",
                                 "9/16",
                                 "31/13/2025",
                                 "yesterday",
                                 "2025-01-31 and more",
                                 "Janu 5, 2020"}) {
            CAPTURE(text);
            CHECK_FALSE(parse_date(text).has_value());
        }
    }

    TEST_CASE("dates: implausible publication dates") {
        CHECK_FALSE(is_plausible_publication_date({1, 11, 30}));
        CHECK_FALSE(is_plausible_publication_date({2050, 1, 1}));
        CHECK(is_plausible_publication_date({2025, 1, 31}));
    }

    TEST_CASE("dates: query specs and ranges") {
        auto year = parse_date_spec("2025");
        REQUIRE(year);
        CHECK(year->first->iso() == "2025-01-01");
        CHECK(year->last->iso() == "2025-12-31");
        auto month = parse_date_spec("2024-02");
        REQUIRE(month);
        CHECK(month->last->iso() == "2024-02-29");
        auto range = parse_date_spec("2025-01..2025-02");
        REQUIRE(range);
        CHECK(range->first->iso() == "2025-01-01");
        CHECK(range->last->iso() == "2025-02-28");
        auto open_end = parse_date_spec("2025-01-27..");
        REQUIRE(open_end);
        CHECK(open_end->first->iso() == "2025-01-27");
        CHECK_FALSE(open_end->last.has_value());
        auto open_start = parse_date_spec("..2025");
        REQUIRE(open_start);
        CHECK(open_start->last->iso() == "2025-12-31");
    }

    TEST_CASE("dates: bad specs name the problem") {
        for (const char* spec : {"", "..", "2025-13", "Jan", "2025-01-32", "2025/01"}) {
            CAPTURE(spec);
            auto span = parse_date_spec(spec);
            REQUIRE_FALSE(span);
            CHECK(span.error().code == ErrorCode::Query);
            CHECK(span.error().message.find("bad date") != std::string::npos);
        }
        auto backwards = parse_date_spec("2025-02..2025-01");
        REQUIRE_FALSE(backwards);
        CHECK(backwards.error().message.find("ends before it starts") != std::string::npos);
    }

    TEST_CASE("dates: epoch arithmetic round-trips") {
        for (const CalendarDate d :
             {CalendarDate{1970, 1, 1}, CalendarDate{2024, 2, 29}, CalendarDate{1899, 12, 31}}) {
            CHECK(date_from_epoch_days(days_from_epoch(d)) == d);
        }
        CHECK(days_from_epoch({1970, 1, 2}) == 1);
    }
}
