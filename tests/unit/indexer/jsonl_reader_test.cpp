#include "indexer/readers/reader.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using namespace gazette::indexer;

TEST_SUITE("indexer") {
    TEST_CASE("jsonl_reader: one report a line, AllSides field names too") {
        const std::string feed =
            R"({"id": "a1", "title": "T1", "outlet": "Kyiv Post", "date": "2025-01-31", "author": "A", "url": "u1", "body": "Text one."})"
            "\n\n"
            R"({"ID": 77, "source": "Reuters", "authors": ["X", "Y"], "content_original": "Text two.", "date": "2020-06-01"})"
            "\n";
        const auto read = read_jsonl("feed.jsonl", feed, {});
        REQUIRE(read.reports.size() == 2);
        CHECK(read.reports[0].id == "a1");
        CHECK(read.reports[0].outlet == "Kyiv Post");
        CHECK(read.reports[0].source == "feed.jsonl:1");
        CHECK(read.reports[1].id == "77");
        CHECK(read.reports[1].outlet == "Reuters");
        CHECK(read.reports[1].author == "X, Y");
        CHECK(read.reports[1].body == "Text two.");
        CHECK(read.reports[1].source == "feed.jsonl:3");
        CHECK(read.problems.empty());
    }

    TEST_CASE("jsonl_reader: bad lines are problems with line numbers, the rest is read") {
        const std::string feed =
            "{\"id\": \"ok\", \"text\": \"fine\"}\nnot json\n{\"id\": \"empty\"}\n[1,2]\n";
        const auto read = read_jsonl("feed.jsonl", feed, {});
        REQUIRE(read.reports.size() == 1);
        CHECK(read.rejected == 3);
        REQUIRE(read.problems.size() == 3);
        CHECK(read.problems[0].line == 2);
        CHECK(read.problems[0].message == "not a JSON object");
        CHECK(read.problems[1].line == 3);
        CHECK(read.problems[1].message == "no report text");
        CHECK(read.problems[1].to_string().rfind("feed.jsonl:3: no report text; ", 0) == 0);
    }

    TEST_CASE("jsonl_reader: a line without id gets a stable one") {
        const std::string line = R"({"url": "https://x.org/1", "text": "Body."})";
        const auto a = read_jsonl("f.jsonl", line, {});
        const auto b = read_jsonl("g.jsonl", "\n" + line, {});
        REQUIRE(a.reports.size() == 1);
        REQUIRE(b.reports.size() == 1);
        CHECK_FALSE(a.reports[0].id.empty());
        CHECK(a.reports[0].id == b.reports[0].id);
    }

    TEST_CASE("jsonl_reader: malformed dates leave the report, undated") {
        for (const char* date : {"0001-11-30", "2050-01-01", "9/16/2019 xx"}) {
            CAPTURE(date);
            const std::string line =
                std::string(R"({"id": "d", "text": "Body.", "date": ")") + date + "\"}";
            const auto read = read_jsonl("f.jsonl", line, {});
            REQUIRE(read.reports.size() == 1);
            CHECK_FALSE(read.reports[0].date.has_value());
            REQUIRE(read.problems.size() == 1);
            CHECK(read.problems[0].message.find("report d") != std::string::npos);
        }
        const auto empty = read_jsonl("f.jsonl", R"({"id": "e", "text": "Body.", "date": ""})", {});
        CHECK(empty.problems.empty());
    }
}
