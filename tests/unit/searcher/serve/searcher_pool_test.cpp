#include "searcher/serve/searcher_pool.hpp"

#include "indexer/indexing_run.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace gazette;

namespace {

void index_into(const std::string& db, const std::string& path) {
    indexer::IndexRunOptions options;
    options.db_path = db;
    options.paths = {path};
    REQUIRE(indexer::run_indexing(options, [](const InputProblem&) {}));
}

Xapian::doccount total(search::Searcher& searcher, const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    auto response = searcher.search(request);
    REQUIRE(response);
    return response->total;
}

/// `threads` threads each borrow from `pool` `loans` times and search the seeds with facets.
/// @return how many of those searches answered right (five matches, the Puls report first).
int right_answers_from_threads(serve::SearcherPool& pool, int threads, int loans) {
    std::vector<std::thread> running;
    std::atomic<int> right{0};
    for (int t = 0; t < threads; ++t) {
        running.emplace_back([&] {
            for (int i = 0; i < loans; ++i) {
                auto loan = pool.borrow();
                if (!loan) {
                    continue;
                }
                search::SearchRequest request;
                request.query = "Puls withdrawal";
                request.facets = true;
                auto response = (*loan)->search(request);
                // Facets counted from the records the Searchers share: five reports in all.
                Xapian::doccount outlets = 0;
                if (response && response->facets) {
                    outlets = response->facets->no_outlet;
                    for (const auto& outlet : response->facets->outlet) {
                        outlets += outlet.count;
                    }
                }
                if (response && response->total == 5 && outlets == 5 &&
                    response->hits[0].report.id == "000_538164c2fa05198d") {
                    ++right;
                }
            }
        });
    }
    for (auto& thread : running) {
        thread.join();
    }
    return right;
}

}  // namespace

TEST_SUITE("serve") {
    TEST_CASE("searcher: find_report returns the whole report, or nothing for an unknown id") {
        testing::TempDir dir;
        index_into(dir / "db", testing::corpus_dir());
        auto searcher = search::Searcher::open(dir / "db");
        REQUIRE(searcher);
        auto report = searcher->find_report("000_538164c2fa05198d");
        REQUIRE(report);
        REQUIRE(*report);
        CHECK((*report)->outlet == "Kyiv Post");
        CHECK((*report)->body.find("Combat Divers Battalion") != std::string::npos);
        auto missing = searcher->find_report("000");  // a prefix of an id is not an id
        REQUIRE(missing);
        CHECK_FALSE(*missing);
        CHECK_FALSE(*searcher->find_report(""));
    }

    TEST_CASE("searcher_pool: a loan sees what the indexer committed after the pool opened") {
        testing::TempDir dir;
        index_into(dir / "db", testing::corpus_dir());
        serve::SearcherPool pool(dir / "db");
        {
            auto loan = pool.borrow();
            REQUIRE(loan);
            CHECK(total(**loan, "quokka") == 0);
        }
        index_into(dir / "db",
                   dir.write("late.txt", "---\nid: late\ntitle: Quokka census\n---\n\nQuokkas.\n"));
        auto loan = pool.borrow();
        REQUIRE(loan);
        CHECK(total(**loan, "quokka") == 1);
        CHECK((*loan)->find_report("late")->has_value());
        CHECK(pool.opened() == 1);  // the same Searcher, refreshed
    }

    TEST_CASE("searcher_pool: loans at once get Searchers of their own, then reuse them") {
        testing::TempDir dir;
        index_into(dir / "db", testing::corpus_dir());
        serve::SearcherPool pool(dir / "db");
        {
            auto first = pool.borrow();
            auto second = pool.borrow();
            REQUIRE(first);
            REQUIRE(second);
            CHECK(&**first != &**second);
            // ... which number and hold the facet records they count once, together.
            CHECK((*first)->facet_records() == (*second)->facet_records());
        }
        CHECK(pool.opened() == 2);
        CHECK(right_answers_from_threads(pool, 8, 20) == 160);
        CHECK(pool.opened() <= 8);
    }

    TEST_CASE("searcher_pool: never more Searchers than its size, more loans wait for one") {
        testing::TempDir dir;
        index_into(dir / "db", testing::corpus_dir());
        serve::SearcherPool pool(dir / "db", {}, 2);
        CHECK(right_answers_from_threads(pool, 8, 10) == 80);
        CHECK(pool.opened() <= 2);
        CHECK(serve::SearcherPool::default_size() >= 2);
    }

    TEST_CASE("searcher_pool: a missing database is a database error, not a crash") {
        testing::TempDir dir;
        serve::SearcherPool pool(dir / "none");
        auto loan = pool.borrow();
        REQUIRE_FALSE(loan);
        CHECK(loan.error().code == ErrorCode::DatabaseMissing);
    }
}
