// Equal weights come newest first by relevance, on every page and with feedback, though the
// searcher asks Xapian for relevance alone (searcher/tie_order.hpp).
#include "searcher/tie_order.hpp"

#include "common/schema.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/searcher/seed_index.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gazette;

namespace {

constexpr const char* kBody =
    "The harbour ferry crossing was delayed by the storm, and the port authority said the "
    "crossing would reopen once the wind dropped below gale force.";

/// Four copies of one report, dated apart and indexed out of date order (in feed order).
struct CopiesIndex {
    testing::TempDir dir;
    std::string db = dir / "db";
    CopiesIndex() {
        const std::vector<std::pair<std::string, std::string>> copies = {
            {"a", "2024-03-01"}, {"b", ""}, {"c", "2023-01-01"}, {"d", "2025-06-01"}};
        std::string feed;
        for (const auto& [id, date] : copies) {
            feed += R"({"id": ")" + id + R"(", "outlet": "Outlet )" + id + R"(", "date": ")" +
                    date + R"(", "title": "Ferry delayed", "body": ")" + kBody + "\"}\n";
        }
        testing::index_feed(dir, db, 1, "copies.jsonl", feed);
        REQUIRE(Xapian::Database(db).get_doccount() == 4);
    }
};

const CopiesIndex& copies_index() {
    static const CopiesIndex index;
    return index;
}

/// The ids of the matches of `query`, a page of `limit` at a time.
std::vector<std::string> paged_ids(const std::string& query, int limit, bool collapse = false) {
    auto searcher = search::Searcher::open(copies_index().db);
    REQUIRE(searcher);
    std::vector<std::string> ids;
    for (int offset = 0; offset < 4; offset += limit) {
        search::SearchRequest request;
        request.query = query;
        request.offset = offset;
        request.limit = limit;
        request.snippets = false;
        request.collapse = collapse;
        auto response = searcher->search(request);
        REQUIRE(response);
        for (const auto& hit : response->hits) {
            ids.push_back(hit.report.id);
        }
    }
    return ids;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("tie order: equal weights newest first, undated last, on every page") {
        const std::vector<std::string> newest_first{"d", "a", "c", "b"};
        // Two words: no feedback. One page, then pages whose edges cut the run of ties.
        CHECK(paged_ids("harbour ferry", 10) == newest_first);
        CHECK(paged_ids("harbour ferry", 1) == newest_first);
        CHECK(paged_ids("harbour ferry", 3) == newest_first);
        // Five words: feedback re-ranks the best matches, and ties stay newest first.
        CHECK(paged_ids("harbour ferry crossing storm delayed", 10) == newest_first);
        CHECK(paged_ids("harbour ferry crossing storm delayed", 1) == newest_first);
        // Collapsed, the four copies are one story, and the newest stands for it.
        CHECK(paged_ids("harbour ferry", 10, true) == std::vector<std::string>{"d"});
    }

    TEST_CASE("tie order: only runs of equal weight are reordered, by date") {
        auto db = Xapian::Database(copies_index().db);
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(
            Xapian::Query::OP_OR, Xapian::Query("Zharbour"), Xapian::Query("Zferri")));
        const Xapian::MSet matches = enquire.get_mset(0, 10);
        REQUIRE(matches.size() == 4);
        CHECK(search::tie_crosses(matches, 1));
        CHECK_FALSE(search::tie_crosses(matches, 0));
        CHECK_FALSE(search::tie_crosses(matches, 4));  // no match after the last
        auto ranked = search::as_ranked(matches);
        // A run broken by a different weight is two runs.
        ranked[1].weight += 1;
        search::newest_first_among_ties(ranked, 0, ranked.size());
        std::vector<std::string> dates;
        for (const auto& match : ranked) {
            dates.push_back(match.match.get_document().get_value(schema::slot(schema::Slot::Date)));
        }
        // Documents 1 (2024) | 2 (undated, weight + 1) | 3 (2023), 4 (2025): the last run reorders.
        CHECK(dates == std::vector<std::string>{"20240301", "", "20250601", "20230101"});
    }
}
