#include "indexer/readers/reader.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using namespace gazette::indexer;

TEST_SUITE("indexer") {
    TEST_CASE("text_reader: front matter gives the metadata") {
        const auto read =
            read_text("dir/file-stem.txt",
                      "---\nid: \"abc\"\ntitle: \"NYT: troops withdrawn\"\noutlet: Kyiv Post\n"
                      "date: 2025-01-31\nauthor: [Ann One, Bob Two]\nurl: https://x.org/a\n---\n"
                      "Body line one.\nBody line two.\n",
                      {});
        REQUIRE(read.reports.size() == 1);
        const Report& r = read.reports[0];
        CHECK(r.id == "abc");
        CHECK(r.title == "NYT: troops withdrawn");
        CHECK(r.outlet == "Kyiv Post");
        CHECK(r.date->iso() == "2025-01-31");
        CHECK(r.author == "Ann One, Bob Two");
        CHECK(r.url == "https://x.org/a");
        CHECK(r.body == "Body line one.\nBody line two.\n");
        CHECK(r.source == "dir/file-stem.txt");
        CHECK(read.problems.empty());
    }

    TEST_CASE("text_reader: no front matter: id from the file name, metadata from flags") {
        ReportDefaults defaults;
        defaults.outlet = "Kyiv Post";
        defaults.date = CalendarDate{2025, 1, 27};
        const auto read =
            read_text("reports/000_538164c2fa05198d.txt", "Just text.\r\nMore.", defaults);
        REQUIRE(read.reports.size() == 1);
        CHECK(read.reports[0].id == "000_538164c2fa05198d");
        CHECK(read.reports[0].outlet == "Kyiv Post");
        CHECK(read.reports[0].date->iso() == "2025-01-27");
        CHECK(read.reports[0].body == "Just text.\nMore.");
    }

    TEST_CASE("text_reader: front matter wins over flags") {
        ReportDefaults defaults;
        defaults.outlet = "Flag Outlet";
        const auto read = read_text("a.txt", "---\noutlet: Own Outlet\n---\nText.", defaults);
        REQUIRE(read.reports.size() == 1);
        CHECK(read.reports[0].outlet == "Own Outlet");
    }

    TEST_CASE("text_reader: broken front matter is one problem with its line") {
        const auto read = read_text("bad.md", "---\ntitle: ok\nauthor: [unclosed\n---\nText.", {});
        CHECK(read.reports.empty());
        CHECK(read.rejected == 1);
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].source == "bad.md");
        CHECK(read.problems[0].line >= 2);
        CHECK(read.problems[0].message.find("front matter") != std::string::npos);
        const auto open = read_text("open.txt", "---\ntitle: x\nText without end", {});
        CHECK(open.rejected == 1);
        CHECK(open.problems[0].message.find("never closes") != std::string::npos);
    }

    TEST_CASE("text_reader: a bad date leaves the report undated, with a problem") {
        const auto read = read_text("a.txt", "---\ndate: 0001-11-30\n---\nText.", {});
        REQUIRE(read.reports.size() == 1);
        CHECK_FALSE(read.reports[0].date.has_value());
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].action == "indexed as undated");
    }

    TEST_CASE("text_reader: Markdown through a real parser") {
        const auto read =
            read_text("story.md",
                      "# The Headline\n\nFirst *para* with a [link](http://x.org).\n\n"
                      "![photo](p.jpg)\n\n- item one\n- item two\n",
                      {});
        REQUIRE(read.reports.size() == 1);
        const Report& r = read.reports[0];
        CHECK(r.title == "The Headline");
        CHECK(r.body.find("First para with a link.") != std::string::npos);
        CHECK(r.body.find("http://x.org") == std::string::npos);
        CHECK(r.body.find("photo") == std::string::npos);
        CHECK(r.body.find("item two") != std::string::npos);
    }

    TEST_CASE("text_reader: empty text is rejected") {
        const auto read = read_text("a.txt", "---\ntitle: x\n---\n   \n", {});
        CHECK(read.rejected == 1);
        CHECK(read.reports.empty());
    }
}
