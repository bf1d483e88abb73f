#include "common/stored_report.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("common") {
    TEST_CASE("stored_report: round-trips every field") {
        Report r;
        r.id = "004";
        r.title = "NYT: troops <withdrawn>";
        r.outlet = "Euromaidan Press";
        r.author = "Yuri Zoria";
        r.url = "https://example.org/a";
        r.date = CalendarDate{2025, 1, 31};
        r.body = "Line one.\nLine “two”.";
        r.source = "corpus/reports/004.txt";
        r.entities.push_back({"Kim Jong Un", EntityType::Person, {"Kim Jong-un"}, 2});
        auto back = parse_report(serialise_report(r));
        REQUIRE(back);
        CHECK(back->id == r.id);
        CHECK(back->title == r.title);
        CHECK(back->outlet == r.outlet);
        CHECK(back->author == r.author);
        CHECK(back->url == r.url);
        CHECK(back->date == r.date);
        CHECK(back->body == r.body);
        CHECK(back->source == r.source);
        REQUIRE(back->entities.size() == 1);
        CHECK(back->entities[0].name == "Kim Jong Un");
        CHECK(back->entities[0].variants == std::vector<std::string>{"Kim Jong-un"});
    }

    TEST_CASE("stored_report: undated stays undated, garbage is an error") {
        Report r;
        r.id = "002";
        auto back = parse_report(serialise_report(r));
        REQUIRE(back);
        CHECK_FALSE(back->date.has_value());
        CHECK_FALSE(parse_report("not json"));
    }

    TEST_CASE("stored_report: the content hash changes with content and pipeline only") {
        Report a;
        a.id = "x";
        a.body = "text";
        Report b = a;
        CHECK(content_hash(a, "p1") == content_hash(b, "p1"));
        b.body = "text!";
        CHECK(content_hash(a, "p1") != content_hash(b, "p1"));
        CHECK(content_hash(a, "p1") != content_hash(a, "p2"));
        b = a;
        b.outlet = "Kyiv Post";
        CHECK(content_hash(a, "p1") != content_hash(b, "p1"));
    }

    TEST_CASE("stored_report: mentioned dates round-trip with their text and offset") {
        Report r;
        r.id = "001";
        r.body = "Deployed in November to Kursk.";
        r.mentioned_dates.push_back({CalendarDate{2024, 11, 1},
                                     CalendarDate{2024, 11, 30},
                                     DateGranularity::Month,
                                     "in November",
                                     9});
        auto back = parse_report(serialise_report(r));
        REQUIRE(back);
        REQUIRE(back->mentioned_dates.size() == 1);
        const auto& m = back->mentioned_dates.front();
        CHECK(m.first.iso() == "2024-11-01");
        CHECK(m.last.iso() == "2024-11-30");
        CHECK(m.granularity == DateGranularity::Month);
        CHECK(m.text == "in November");
        CHECK(m.offset == 9);
        CHECK(back->body.substr(m.offset, m.text.size()) == m.text);
    }
}
