// The facet counts a searcher keeps for the last queries: kept in recency order within the
// capacity, reused for another page or sort of the same matches only, and forgotten when the
// searcher reads a new revision.
#include "searcher/facet_counts_cache.hpp"

#include "searcher/searcher.hpp"
#include "tests/unit/searcher/seed_index.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace gazette;
using search::FacetCountsCache;

namespace {

FacetCountsCache::Counted counted(Xapian::doccount total) {
    FacetCountsCache::Counted c;
    c.total = total;
    return c;
}

using Outlets = std::map<std::string, Xapian::doccount>;

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("facet counts cache: the least recently used goes first") {
        FacetCountsCache cache(2);
        cache.keep("a", counted(1));
        cache.keep("b", counted(2));
        REQUIRE(cache.find("a") != nullptr);  // a is now the most recent
        cache.keep("c", counted(3));
        CHECK(cache.size() == 2);
        CHECK(cache.find("b") == nullptr);
        REQUIRE(cache.find("a") != nullptr);
        CHECK(cache.find("a")->total == 1);
        REQUIRE(cache.find("c") != nullptr);
        CHECK(cache.find("c")->total == 3);
        CHECK(cache.hits() == 5);
        cache.keep("c", counted(30));  // kept again: replaced, not doubled
        CHECK(cache.size() == 2);
        CHECK(cache.find("c")->total == 30);
        cache.forget();
        CHECK(cache.size() == 0);
        CHECK(cache.find("a") == nullptr);
        FacetCountsCache none(0);
        none.keep("a", counted(1));
        CHECK(none.find("a") == nullptr);
    }

    TEST_CASE("facet counts cache: a searcher reuses counts for the same matches only") {
        std::size_t shards = 1;
        SUBCASE("one database") {
            shards = 1;
        }
        SUBCASE("two shards") {
            shards = 2;
        }
        CAPTURE(shards);
        testing::TempDir dir;
        const std::string db = dir / "db";
        const auto index = [&](const std::string& name, const std::string& feed) {
            testing::index_feed(dir, db, shards, name, feed);
        };
        index(
            "first.jsonl",
            R"({"id": "a", "outlet": "BBC", "title": "Ceasefire in Kursk", "body": "The ceasefire held."})"
            "\n"
            R"({"id": "b", "outlet": "AP", "title": "Ceasefire talks", "body": "Talks on a ceasefire."})"
            "\n"
            R"({"id": "c", "outlet": "AP", "title": "Harvest", "body": "A good harvest."})"
            "\n");
        auto searcher = search::Searcher::open(db);
        REQUIRE(searcher);
        searcher->keep_facet_records = true;
        search::SearchRequest request;
        request.query = "ceasefire";
        request.facets = true;
        request.snippets = false;
        request.limit = 1;
        const auto outlets = [&](const search::SearchRequest& r) {
            auto response = searcher->search(r);
            REQUIRE(response);
            REQUIRE(response->facets);
            CHECK(response->total_exact);
            Outlets out;
            for (const auto& facet : response->facets->outlet) {
                out[facet.value] = facet.count;
            }
            out["(total)"] = response->total;
            return out;
        };
        const Outlets both{{"AP", 1}, {"BBC", 1}, {"(total)", 2}};
        CHECK(outlets(request) == both);
        CHECK(searcher->facet_counts_reused() == 0);
        // The next page and the other sort order have the same matches: the same counts, kept.
        auto next_page = request;
        next_page.offset = 1;
        CHECK(outlets(next_page) == both);
        auto by_date = request;
        by_date.sort = search::SortOrder::Date;
        CHECK(outlets(by_date) == both);
        CHECK(searcher->facet_counts_reused() == 2);
        // A filter changes the matches: counted anew.
        auto only_ap = request;
        only_ap.outlets = {"AP"};
        CHECK(outlets(only_ap) == Outlets{{"AP", 1}, {"(total)", 1}});
        auto harvest = request;
        harvest.query = "harvest";
        CHECK(outlets(harvest) == Outlets{{"AP", 1}, {"(total)", 1}});
        CHECK(searcher->facet_counts_reused() == 2);
        // A new revision: report a moves to Reuters, and a new report matches. Kept counts
        // would still say BBC and 2.
        index(
            "again.jsonl",
            R"({"id": "a", "outlet": "Reuters", "title": "Ceasefire in Kursk", "body": "The ceasefire held."})"
            "\n"
            R"({"id": "d", "outlet": "AP", "title": "Ceasefire broken", "body": "The ceasefire broke."})"
            "\n");
        REQUIRE(searcher->refresh());
        CHECK(outlets(request) == Outlets{{"AP", 2}, {"Reuters", 1}, {"(total)", 3}});
        CHECK(searcher->facet_counts_reused() == 2);
        CHECK(outlets(request) == Outlets{{"AP", 2}, {"Reuters", 1}, {"(total)", 3}});
        CHECK(searcher->facet_counts_reused() == 3);
    }

    TEST_CASE("facet counts cache: a searcher that keeps nothing counts every time") {
        testing::TempDir dir;
        const std::string db = dir / "db";
        testing::index_feed(
            dir,
            db,
            1,
            "a.jsonl",
            R"({"id": "a", "outlet": "BBC", "title": "Ceasefire", "body": "The ceasefire held."})"
            "\n");
        auto searcher = search::Searcher::open(db);
        REQUIRE(searcher);
        search::SearchRequest request;
        request.query = "ceasefire";
        request.facets = true;
        for (int i = 0; i < 2; ++i) {
            auto response = searcher->search(request);
            REQUIRE(response);
            CHECK(response->total == 1);
        }
        CHECK(searcher->facet_counts_reused() == 0);
    }
}
