#include "searcher/searcher.hpp"

#include "indexer/indexing_run.hpp"
#include "searcher/render.hpp"
#include "tests/unit/searcher/seed_index.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace gazette;

namespace {

using testing::seeds;

search::SearchResponse run(search::SearchRequest request) {
    auto searcher = search::Searcher::open(seeds().db);
    REQUIRE(searcher);
    auto response = searcher->search(request);
    REQUIRE(response);
    return *response;
}

search::SearchResponse run(const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    return run(request);
}

std::vector<std::string> ids(const search::SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.hits) {
        out.push_back(hit.report.id.substr(0, 3));
    }
    return out;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("searcher: Puls withdrawal ranks 000 first, with both words marked") {
        const auto response = run("Puls withdrawal");
        REQUIRE(response.total == 5);
        CHECK(response.hits[0].report.id == "000_538164c2fa05198d");
        CHECK(response.hits[0].snippet.html().find("<mark>Puls</mark>") != std::string::npos);
        CHECK(response.hits[0].report.body.empty());  // responses carry no whole bodies
    }

    TEST_CASE("searcher: outlet filters, as a flag and in the query") {
        search::SearchRequest request;
        request.query = "troops";
        request.outlets = {"Kyiv Post"};
        auto kyiv_post = ids(run(request));
        std::sort(kyiv_post.begin(), kyiv_post.end());
        CHECK(kyiv_post == std::vector<std::string>{"000", "001"});
        request.outlets = {"kyiv post", "Flux Daily"};
        CHECK(run(request).total == 3);
        CHECK(run("troops outlet:\"Kyiv Post\"").total == 2);
        CHECK(run("outlet:\"Kyiv Post\"").total == 2);
        CHECK(run("troops -outlet:\"Kyiv Post\"").total == 3);
    }

    TEST_CASE("searcher: dates of a day, a month, ranges and open ranges") {
        auto day = ids(run("date:2025-01-31"));
        std::sort(day.begin(), day.end());
        CHECK(day == std::vector<std::string>{"001", "004"});
        CHECK(run("date:2025-01").total == 3);
        CHECK(run("date:2025-01..2025-02").total == 4);
        CHECK(run("date:2025-02-01..").total == 1);
        CHECK(run("date:..2025-01-27").total == 1);
        CHECK(run("date:2024").total == 0);
        search::SearchRequest request;
        request.query = "troops";
        request.from = "2025-01-28";
        request.to = "2025-01";
        CHECK(run(request).total == 2);
    }

    TEST_CASE("searcher: sort by date puts the newest first and the undated last") {
        search::SearchRequest request;
        request.query = "troops";
        request.sort = search::SortOrder::Date;
        const auto order = ids(run(request));
        REQUIRE(order.size() == 5);
        CHECK(order.front() == "003");
        CHECK(order[3] == "000");
        CHECK(order.back() == "002");
    }

    TEST_CASE("searcher: facets count the whole match set, not the page") {
        search::SearchRequest request;
        request.query = "North Korean";
        request.limit = 1;
        request.facets = true;
        const auto response = run(request);
        REQUIRE(response.facets);
        CHECK(response.hits.size() == 1);
        const auto& f = *response.facets;
        REQUIRE(f.outlet.size() == 3);
        CHECK(f.outlet[0].value == "Kyiv Post");
        CHECK(f.outlet[0].count == 2);
        CHECK(f.no_outlet == 1);
        REQUIRE(f.month.size() == 2);
        CHECK(f.month[0].value == "2025-01");
        CHECK(f.month[0].count == 3);
        CHECK(f.month[1].value == "2025-02");
        CHECK(f.undated == 1);
        CHECK(f.day.size() == 3);

        // Brute force: count every match's outlet by fetching all of them.
        request.limit = 100;
        request.facets = false;
        std::map<std::string, Xapian::doccount> brute;
        for (const auto& hit : run(request).hits) {
            ++brute[hit.report.outlet];
        }
        for (const auto& c : f.outlet) {
            CAPTURE(c.value);
            CHECK(brute[c.value] == c.count);
        }
        CHECK(brute[""] == f.no_outlet);
    }

    TEST_CASE("searcher: paging") {
        search::SearchRequest request;
        request.query = "troops";
        request.limit = 2;
        request.offset = 2;
        const auto page = run(request);
        CHECK(page.total == 5);
        REQUIRE(page.hits.size() == 2);
        CHECK(page.hits[0].rank == 3);
        request.limit = 5000;
        auto searcher = search::Searcher::open(seeds().db);
        CHECK_FALSE(searcher->search(request));
    }

    TEST_CASE("searcher: chrome is not searchable") {
        CHECK(run("TELEGRAM").total == 0);
        CHECK(run("Patreon").total == 0);
        CHECK(run("\"Ctrl + Enter\"").total == 0);
    }

    TEST_CASE("searcher: a wildcard finds every word it begins, and marks them") {
        // Zelensky in 000 and 001, Zelenskyy in 004: one word start finds both spellings.
        auto spellings = ids(run("=zelensky OR =zelenskyy"));
        auto wildcard = ids(run("zelensk*"));
        std::sort(spellings.begin(), spellings.end());
        std::sort(wildcard.begin(), wildcard.end());
        CHECK(wildcard == std::vector<std::string>{"000", "001", "004"});
        CHECK(wildcard == spellings);
        search::SearchRequest request;
        request.query = "zelensk*";
        request.outlets = {"Euromaidan Press"};
        const auto euromaidan = run(request);
        REQUIRE(euromaidan.total == 1);
        CHECK(euromaidan.hits[0].snippet.html().find("<mark>Zelenskyy</mark>") !=
              std::string::npos);
        // In titles only: "Withdrawal" (003) and "withdrawn" (004), unstemmed.
        auto titles = ids(run("title:withdraw*"));
        std::sort(titles.begin(), titles.end());
        CHECK(titles == std::vector<std::string>{"003", "004"});
        // Beside NEAR and ADJ: "Volodymyr Zelensky" (000, 001) and "Volodymyr Zelenskyy" (004).
        auto near = ids(run("volodymyr ADJ/1 zelensk*"));
        std::sort(near.begin(), near.end());
        CHECK(near == std::vector<std::string>{"000", "001", "004"});
        CHECK(run("volodymyr ADJ/1 zelensky").total == 2);
        // A word start is not a misspelt word: no "did you mean" for it.
        const auto nothing = run("zelenskx*");
        CHECK(nothing.total == 0);
        CHECK_FALSE(nothing.suggestion);
    }

    TEST_CASE("searcher: a wildcard too short, alone or on a filter is an error") {
        auto searcher = search::Searcher::open(seeds().db);
        REQUIRE(searcher);
        for (const char* query :
             {"z*", "*", "troops outlet:Kyiv*", "person:Zel*", "troops NEAR/5 *"}) {
            CAPTURE(query);
            search::SearchRequest request;
            request.query = query;
            auto bad = searcher->search(request);
            REQUIRE_FALSE(bad);
            CHECK(exit_code(bad.error().code) == 2);
            CHECK(bad.error().message.find('*') != std::string::npos);
            CHECK_FALSE(bad.error().hint.empty());
        }
    }

    TEST_CASE("searcher: bad queries are errors, not empty answers") {
        auto searcher = search::Searcher::open(seeds().db);
        REQUIRE(searcher);
        search::SearchRequest request;
        request.query = "Puls AND";
        auto bad = searcher->search(request);
        REQUIRE_FALSE(bad);
        CHECK(exit_code(bad.error().code) == 2);
        request.query = "date:2025-99";
        CHECK_FALSE(searcher->search(request));
        request.query = "x";
        request.from = "yesterday-ish";
        CHECK_FALSE(searcher->search(request));
    }

    TEST_CASE("searcher: re-indexing the corpus leaves five reports") {
        indexer::IndexRunOptions options;
        options.db_path = seeds().db;
        options.paths = {testing::corpus_dir()};
        auto again = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE(again);
        CHECK(again->unchanged == 5);
        CHECK(again->added == 0);
        CHECK(again->total == 5);
    }

    TEST_CASE("render: JSON has DESIGN.md's shape") {
        search::SearchRequest request;
        request.query = "Puls withdrawal";
        request.facets = true;
        const auto j = search::to_json(run(request));
        CHECK(j["query"] == "Puls withdrawal");
        CHECK(j["total"] == 5);
        CHECK(j["offset"] == 0);
        const auto& first = j["results"][0];
        for (const char* key : {"id",
                                "rank",
                                "score",
                                "title",
                                "outlet",
                                "date",
                                "author",
                                "url",
                                "snippet",
                                "entities"}) {
            CAPTURE(key);
            CHECK(first.contains(key));
        }
        CHECK(first["rank"] == 1);
        CHECK(first["date"] == "2025-01-27");
        for (const char* key : {"outlet", "date", "person", "org", "place"}) {
            CAPTURE(key);
            CHECK(j["facets"][key].is_array());
        }
        CHECK(j["facets"]["outlet"][0]["value"] == "Kyiv Post");
        CHECK(j["suggestion"].is_null());
        // The undated report has an empty date, as the contract says.
        bool saw_undated = false;
        for (const auto& r : j["results"]) {
            if (r["id"] == "002_9b497591670c9523") {
                saw_undated = r["date"] == "";
            }
        }
        CHECK(saw_undated);
    }
}
