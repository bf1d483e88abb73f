// Time in search: publication date filters (absolute, open and relative), sorting by date,
// the date histogram, and the dates reports mention as a second filter and facet.
#include "indexer/indexing_run.hpp"
#include "searcher/render.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/searcher/seed_index.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

using namespace gazette;

namespace {

const std::string& seed_db() {
    return testing::seeds().db;
}

search::SearchResponse search_seeds(search::SearchRequest request) {
    auto searcher = search::Searcher::open(seed_db());
    REQUIRE(searcher);
    auto response = searcher->search(request);
    REQUIRE(response);
    return *response;
}

search::SearchResponse search_seeds(const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    request.limit = 100;
    return search_seeds(request);
}

/// The ids (first three characters) of the hits, sorted.
std::vector<std::string> ids(const search::SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.hits) {
        out.push_back(hit.report.id.substr(0, 3));
    }
    std::sort(out.begin(), out.end());
    return out;
}

using Ids = std::vector<std::string>;

/// Sets GAZETTE_TODAY for one test.
struct FixedToday {
    explicit FixedToday(const char* iso) { ::setenv("GAZETTE_TODAY", iso, 1); }
    ~FixedToday() { ::unsetenv("GAZETTE_TODAY"); }
    FixedToday(const FixedToday&) = delete;
    FixedToday& operator=(const FixedToday&) = delete;
    FixedToday(FixedToday&&) = delete;
    FixedToday& operator=(FixedToday&&) = delete;
};

}  // namespace

TEST_SUITE("searcher") {
    // The issue's seed check: the two reports of that day, and 002 only as undated.
    TEST_CASE("time: date:2025-01-31 finds 001 and 004, undated 002 is only counted undated") {
        CHECK(ids(search_seeds("date:2025-01-31")) == Ids{"001", "004"});
        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        const auto response = search_seeds(request);
        REQUIRE(response.total == 5);
        const auto& f = *response.facets;
        CHECK(f.undated == 1);
        Xapian::doccount in_histogram = 0;
        for (const auto& b : f.date_histogram.buckets) {
            in_histogram += b.count;
        }
        CHECK(in_histogram == 4);
        for (const auto& d : f.day) {
            CHECK(d.value != "");
        }
        // No date filter ever finds it.
        for (const char* spec : {"date:2025", "date:..2025-12-31", "date:1800.."}) {
            CAPTURE(spec);
            const auto hits = ids(search_seeds(std::string("troops ") + spec));
            CHECK(std::find(hits.begin(), hits.end(), "002") == hits.end());
        }
    }

    TEST_CASE("time: date ranges of every form") {
        CHECK(ids(search_seeds("date:2025-01")) == Ids{"000", "001", "004"});
        CHECK(ids(search_seeds("date:2025")) == Ids{"000", "001", "003", "004"});
        CHECK(ids(search_seeds("date:2025-01-28..2025-02")) == Ids{"001", "003", "004"});
        CHECK(ids(search_seeds("date:2025-01..2025-01-30")) == Ids{"000"});
        CHECK(ids(search_seeds("date:2025-01-31..")) == Ids{"001", "003", "004"});
        CHECK(ids(search_seeds("date:..2025-01-27")) == Ids{"000"});
        CHECK(ids(search_seeds("date:2024..2025")) == Ids{"000", "001", "003", "004"});
    }

    TEST_CASE("time: relative dates, in the query and in --from/--to") {
        const FixedToday today("2025-02-03");  // a Monday
        CHECK(ids(search_seeds("date:7d..")) == Ids{"000", "001", "003", "004"});
        CHECK(ids(search_seeds("date:7d")) == Ids{"000", "001", "003", "004"});
        CHECK(ids(search_seeds("date:3d..")) == Ids{"001", "003", "004"});
        CHECK(ids(search_seeds("date:last-week")) == Ids{"000", "001", "003", "004"});
        CHECK(search_seeds("date:this-week").total == 0);
        CHECK(ids(search_seeds("date:last-month")) == Ids{"000", "001", "004"});
        CHECK(ids(search_seeds("date:this-month")) == Ids{"003"});
        CHECK(ids(search_seeds("date:2d..yesterday")) == Ids{"003"});
        search::SearchRequest request;
        request.query = "troops";
        request.from = "1w";
        request.to = "3d";
        CHECK(ids(search_seeds(request)) == Ids{"000", "001", "004"});
        request.from = "last-month";
        request.to = "last-month";
        CHECK(ids(search_seeds(request)) == Ids{"000", "001", "004"});
        request.from = "someday";
        auto searcher = search::Searcher::open(seed_db());
        const auto bad = searcher->search(request);
        REQUIRE_FALSE(bad);
        CHECK(bad.error().message == "--from 'someday' is not a date");
    }

    TEST_CASE("time: --sort date is newest first, ties by relevance, relevance ties newest first") {
        search::SearchRequest request;
        request.query = "troops withdrawal";
        request.sort = search::SortOrder::Date;
        const auto by_date = search_seeds(request);
        REQUIRE(by_date.hits.size() == 5);
        CHECK(by_date.hits[0].report.id.substr(0, 3) == "003");
        // 001 and 004 share 2025-01-31: the better match comes first.
        CHECK(by_date.hits[1].report.date == by_date.hits[2].report.date);
        CHECK(by_date.hits[1].weight >= by_date.hits[2].weight);
        CHECK(by_date.hits[3].report.id.substr(0, 3) == "000");
        CHECK(by_date.hits[4].report.id.substr(0, 3) == "002");

        // Filters alone weigh nothing: every match ties, and the newest comes first.
        request.query = "outlet:\"Kyiv Post\"";
        request.sort = search::SortOrder::Relevance;
        const auto ties = search_seeds(request);
        REQUIRE(ties.hits.size() == 2);
        CHECK(ties.hits[0].report.id.substr(0, 3) == "001");
        CHECK(ties.hits[1].report.id.substr(0, 3) == "000");
    }

    TEST_CASE("time: mentions: finds reports by the dates they mention") {
        CHECK(ids(search_seeds("mentions:2024-11")) == Ids{"001", "004"});
        CHECK(ids(search_seeds("mentions:2024-08")) == Ids{"001", "004"});
        CHECK(ids(search_seeds("mentions:2025-01-13")) == Ids{"000"});  // "as of Jan. 13"
        CHECK(ids(search_seeds("mentions:2025-01")) == Ids{"000", "001"});
        CHECK(ids(search_seeds("mentions:2022")) == Ids{"001", "003"});
        CHECK(ids(search_seeds("mentions:2022-02")) == Ids{"003"});
        CHECK(ids(search_seeds("mentions:2025-04..")) == Ids{"000"});  // "by mid-April"
        CHECK(ids(search_seeds("mentions:..2022")) == Ids{"001", "003"});
        CHECK(ids(search_seeds("mentions:2024-10..2024-11")) == Ids{"001", "004"});
        CHECK(search_seeds("mentions:2023").total == 0);
        // A second filter, separate from the publication date.
        CHECK(ids(search_seeds("mentions:2024-11 date:2025-01-31")) == Ids{"001", "004"});
        CHECK(ids(search_seeds("troops mentions:2022 -mentions:2022-02")) == Ids{"001"});
        auto searcher = search::Searcher::open(seed_db());
        search::SearchRequest request;
        request.query = "mentions:2024-13";
        const auto bad = searcher->search(request);
        REQUIRE_FALSE(bad);
        CHECK(exit_code(bad.error().code) == 2);
    }

    TEST_CASE("time: --mentions-from and --mentions-to bound one mention") {
        search::SearchRequest request;
        request.query = "troops";  // every seed
        request.limit = 100;
        request.mentions_from = "2024-10";
        request.mentions_to = "2024-10";
        CHECK(ids(search_seeds(request)) == Ids{"004"});  // "in late October"
        request.mentions_to = "2024-11";
        CHECK(ids(search_seeds(request)) == Ids{"001", "004"});
        request.mentions_to.clear();
        request.mentions_from = "2025-04";
        CHECK(ids(search_seeds(request)) == Ids{"000"});
        request.mentions_from.clear();
        request.mentions_to = "2022-12";
        CHECK(ids(search_seeds(request)) == Ids{"001", "003"});
        request.mentions_to = "2024-13";
        auto searcher = search::Searcher::open(seed_db());
        CHECK_FALSE(searcher->search(request));
    }

    // The facet counts reports, exactly, over every match; a brute-force count over the stored
    // mentions of every hit must agree.
    TEST_CASE("time: the mentions facet counts reports over the whole match set") {
        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        request.limit = 1;
        const auto response = search_seeds(request);
        REQUIRE(response.facets);
        const auto& f = *response.facets;
        std::map<std::string, Xapian::doccount> months;
        for (const auto& c : f.mention_month) {
            months[c.value] = c.count;
        }
        CHECK(months == std::map<std::string, Xapian::doccount>{{"2022-02", 1},
                                                                {"2024-08", 2},
                                                                {"2024-10", 1},
                                                                {"2024-11", 2},
                                                                {"2024-12", 1},
                                                                {"2025-01", 2},
                                                                {"2025-04", 1}});
        CHECK(f.no_mentions == 1);  // 002: undated, nothing it mentions can be resolved

        request.facets = false;
        request.limit = 100;
        std::map<std::string, Xapian::doccount> years;
        for (const auto& hit : search_seeds(request).hits) {
            std::set<std::string> own;
            for (const auto& m : hit.report.mentioned_dates) {
                for (int y = m.first.year; y <= m.last.year; ++y) {
                    own.insert(std::to_string(y));
                }
            }
            for (const auto& y : own) {
                ++years[y];
            }
        }
        std::map<std::string, Xapian::doccount> facet_years;
        for (const auto& c : f.mention_year) {
            facet_years[c.value] = c.count;
        }
        CHECK(facet_years == years);
    }

    TEST_CASE("time: the date histogram follows the span of the matches") {
        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        const auto f = *search_seeds(request).facets;
        CHECK(f.date_histogram.bucket == search::BucketSize::Day);
        REQUIRE(f.date_histogram.buckets.size() == 6);
        CHECK(f.date_histogram.buckets[0].label == "2025-01-27");
        CHECK(f.date_histogram.buckets[4].count == 2);
        request.query = "date:2025-01-31";
        const auto one_day = *search_seeds(request).facets;
        REQUIRE(one_day.date_histogram.buckets.size() == 1);
        CHECK(one_day.date_histogram.buckets[0].count == 2);
    }

    TEST_CASE("time: JSON carries mentions with their text, and the new facets") {
        search::SearchRequest request;
        request.query = "id:004_c601d5b61a287260";
        request.facets = true;
        const auto j = search::to_json(search_seeds(request));
        const auto& mentions = j["results"][0]["mentions"];
        REQUIRE(mentions.size() == 3);
        CHECK(mentions[0]["text"] == "in late October");
        CHECK(mentions[0]["value"] == "2024-10");
        CHECK(mentions[0]["granularity"] == "month");
        CHECK(mentions[0]["first"] == "2024-10-21");
        CHECK(mentions[0]["last"] == "2024-10-31");
        CHECK(mentions[0]["offset"].is_number());
        CHECK(j["facets"]["date_histogram"]["bucket"] == "day");
        CHECK(j["facets"]["date_histogram"]["buckets"][0]["label"] == "2025-01-31");
        CHECK(j["facets"]["date_histogram"]["buckets"][0]["count"] == 1);
        CHECK(j["facets"]["mentions"].size() == 3);
        CHECK(j["facets"]["mentions_year"][0]["value"] == "2024");
        CHECK(j["facets"]["missing"]["mentions"] == 0);
        CHECK(j["facets"]["date"][0]["value"] == "2025-01");  // the contract's month list stays
    }

    TEST_CASE("time: the terminal draws the histogram and lists mentioned months") {
        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        const std::string text = search::to_text(search_seeds(request), false);
        CHECK(text.find("Dates by day:\n") != std::string::npos);
        const std::string block = "\xE2\x96\x88";
        // The busiest day gets the full bar, the others a share, the empty days none.
        std::string full;
        for (int i = 0; i < 30; ++i) {
            full += block;
        }
        CHECK(text.find("  2025-01-31 2 " + full + "\n") != std::string::npos);
        CHECK(text.find("  2025-01-28 0\n") != std::string::npos);
        CHECK(text.find("  (undated)  1 ") != std::string::npos);
        CHECK(text.find("Mentions: 2022-02 1 \xC2\xB7 2024-08 2") != std::string::npos);
        CHECK(text.find("(none) 1") != std::string::npos);
    }

    // A feed like the AllSides scale corpus: every report is indexed whatever its date.
    TEST_CASE("time: malformed dates leave reports indexed and undated, each named once") {
        testing::TempDir dir;
        const auto line = [](const char* id, const char* date) {
            return std::string(R"({"topic": "politics", "source": "Reuters", "bias": 1, )") +
                   R"("url": "https://example.com/)" + id + R"(", "title": "Talks )" + id +
                   R"(", "date": ")" + date + R"(", "authors": "Ann One", )" +
                   R"("content_original": "Talks resumed in Geneva in February 2022.", )" +
                   R"("source_url": "www.reuters.com", "bias_text": "center", "ID": ")" + id +
                   "\"}\n";
        };
        dir.write("feed.jsonl",
                  line("good", "2020-04-01") + line("ancient", "0001-11-30") +
                      line("future", "2050-06-01") + line("us", "9/28/16") + line("empty", ""));
        indexer::IndexRunOptions options;
        options.db_path = dir / "db";
        options.paths = {dir / "feed.jsonl"};
        std::vector<std::string> problems;
        auto summary = indexer::run_indexing(
            options, [&](const InputProblem& p) { problems.push_back(p.to_string()); });
        REQUIRE(summary);
        CHECK(summary->added == 5);
        CHECK(summary->rejected == 0);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].find("feed.jsonl:2: date '0001-11-30' of report ancient") !=
              std::string::npos);
        CHECK(problems[1].find("report future") != std::string::npos);
        CHECK(problems[2].find("date '9/28/16' of report us") != std::string::npos);
        for (const auto& p : problems) {
            CHECK(p.find("indexed as undated") != std::string::npos);
        }
        auto searcher = search::Searcher::open(options.db_path);
        REQUIRE(searcher);
        search::SearchRequest request;
        request.query = "talks";
        request.facets = true;
        const auto response = searcher->search(request);
        REQUIRE(response);
        CHECK(response->total == 5);
        CHECK(response->facets->undated == 4);
        // Absolute mentions are resolved even in undated reports.
        CHECK(response->facets->mention_month.at(0).value == "2022-02");
        CHECK(response->facets->mention_month.at(0).count == 5);
    }
}
