#include "common/dates.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

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

    TEST_CASE("dates: calendar arithmetic for relative dates") {
        CHECK(add_days({2025, 1, 31}, 1).iso() == "2025-02-01");
        CHECK(add_days({2025, 3, 1}, -1).iso() == "2025-02-28");
        CHECK(add_months({2025, 3, 31}, -1).iso() == "2025-02-28");
        CHECK(add_months({2024, 1, 15}, -13).iso() == "2022-12-15");
        CHECK(add_months({2024, 12, 1}, 1).iso() == "2025-01-01");
        CHECK(weekday({2025, 1, 31}) == 4);   // a Friday
        CHECK(weekday({2025, 1, 27}) == 0);   // a Monday
        CHECK(weekday({1969, 12, 28}) == 6);  // a Sunday before the epoch
        CHECK(week_start({2025, 2, 2}).iso() == "2025-01-27");
        CHECK(iso_week_label({2025, 1, 31}) == "2025-W05");
        CHECK(iso_week_label({2024, 12, 30}) == "2025-W01");  // ISO weeks cross years
        CHECK(iso_week_label({2021, 1, 3}) == "2020-W53");
    }

    // Relative forms resolve against a given today (a Friday); GAZETTE_TODAY sets it for the
    // tools.
    TEST_CASE("dates: relative specs") {
        const CalendarDate today{2025, 1, 31};
        struct Case {
            const char* spec;
            const char* first;  ///< "" when open
            const char* last;
        };
        const Case cases[] = {
            {"today", "2025-01-31", "2025-01-31"},
            {"yesterday", "2025-01-30", "2025-01-30"},
            {"7d", "2025-01-24", ""},  // alone: from then on
            {"7d..", "2025-01-24", ""},
            {"2w..", "2025-01-17", ""},
            {"6m..", "2024-07-31", ""},
            {"1y..", "2024-01-31", ""},
            {"30d..7d", "2025-01-01", "2025-01-24"},
            {"..yesterday", "", "2025-01-30"},
            {"this-week", "2025-01-27", "2025-02-02"},
            {"last-week", "2025-01-20", "2025-01-26"},
            {"this-month", "2025-01-01", "2025-01-31"},
            {"last-month", "2024-12-01", "2024-12-31"},
            {"this-year", "2025-01-01", "2025-12-31"},
            {"last-year", "2024-01-01", "2024-12-31"},
            {"last-year..this-month", "2024-01-01", "2025-01-31"},
            {"2024-12..last-week", "2024-12-01", "2025-01-26"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.spec);
            const auto span = parse_date_spec(c.spec, today);
            REQUIRE(span);
            CHECK((span->first ? span->first->iso() : "") == c.first);
            CHECK((span->last ? span->last->iso() : "") == c.last);
        }
        for (const char* bad : {"7x", "d7", "-7d", "last-decade", "tomorrow", "7d..30d"}) {
            CAPTURE(bad);
            CHECK_FALSE(parse_date_spec(bad, today));
        }
    }

    TEST_CASE("dates: --from and --to take one end of a spec") {
        REQUIRE(::setenv("GAZETTE_TODAY", "2025-01-31", 1) == 0);
        CHECK(today().iso() == "2025-01-31");
        CHECK(parse_date_from("2025-01")->iso() == "2025-01-01");
        CHECK(parse_date_to("2025-01")->iso() == "2025-01-31");
        CHECK(parse_date_from("last-week")->iso() == "2025-01-20");
        CHECK(parse_date_to("last-week")->iso() == "2025-01-26");
        CHECK(parse_date_from("7d")->iso() == "2025-01-24");
        CHECK(parse_date_to("7d")->iso() == "2025-01-24");
        CHECK(parse_date_from("2025-01..2025-02")->iso() == "2025-01-01");
        CHECK(parse_date_to("2025-01..2025-02")->iso() == "2025-02-28");
        CHECK_FALSE(parse_date_from("..2025"));
        CHECK_FALSE(parse_date_to("soon"));
        ::unsetenv("GAZETTE_TODAY");
    }
}
