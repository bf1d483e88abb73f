#include "searcher/csv_export.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("csv_export") {
    TEST_CASE("csv_export: plain values stay bare, and commas, quotes and line breaks are quoted") {
        CHECK(search::csv_field("Kyiv Post") == "Kyiv Post");
        CHECK(search::csv_field("") == "");
        CHECK(search::csv_field("a, b") == "\"a, b\"");
        CHECK(search::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(search::csv_field("two\nlines") == "\"two\nlines\"");
        CHECK(search::csv_field("cr\rhere") == "\"cr\rhere\"");
        CHECK(search::csv_field("“curly” quotes stay bare") == "“curly” quotes stay bare");
    }

    TEST_CASE("csv_export: a value a spreadsheet would run as a formula is neutralised") {
        CHECK(search::csv_field("=1+2") == "'=1+2");
        CHECK(search::csv_field("+44 20") == "'+44 20");
        CHECK(search::csv_field("-30 degrees") == "'-30 degrees");
        CHECK(search::csv_field("@SUM(A1)") == "'@SUM(A1)");
        CHECK(search::csv_field("=HYPERLINK(\"x\", \"y\")") ==
              "\"'=HYPERLINK(\"\"x\"\", \"\"y\"\")\"");
        CHECK(search::csv_field("a=b") == "a=b");
    }

    TEST_CASE("csv_export: a header and a row per hit with the snippet as plain text") {
        search::SearchResponse response;
        search::Hit hit;
        hit.report.id = "000_x";
        hit.report.outlet = "Kyiv Post";
        hit.report.date = CalendarDate{2025, 1, 27};
        hit.report.title = "Troops, pulled back";
        hit.report.url = "https://example.org/a?b=1";
        hit.snippet.parts = {{"call sign ", false}, {"Puls", true}, {" <told>", false}};
        hit.snippet.cut_after = true;
        response.hits.push_back(hit);
        search::Hit undated;
        undated.report.id = "002_y";
        response.hits.push_back(undated);
        CHECK(search::to_csv(response) ==
              "id,outlet,date,title,url,snippet\r\n"
              "000_x,Kyiv Post,2025-01-27,\"Troops, pulled back\",https://example.org/a?b=1,"
              "call sign Puls <told>…\r\n"
              "002_y,,,,,\r\n");
    }

    TEST_CASE("csv_export: no hits is a header alone") {
        CHECK(search::to_csv(search::SearchResponse{}) == "id,outlet,date,title,url,snippet\r\n");
    }
}
