#include "common/schema.hpp"
#include "indexer/database_layout.hpp"
#include "indexer/index_lock.hpp"
#include "indexer/write_stage.hpp"
#include "searcher/render.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/indexer/indexing_support.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace gazette;
using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

const unsigned kSourceSlot = schema::slot(schema::Slot::Source);

Xapian::doccount count_of(const std::string& db) {
    return Xapian::Database(db).get_doccount();
}

/// Runs the indexer with standard input reading `feed`.
IndexRun index_stdin(const std::string& db,
                     const TempDir& dir,
                     const std::string& feed,
                     indexer::IndexRunOptions options = {}) {
    const std::string path = dir.write("stdin.jsonl", feed);
    const int saved = dup(STDIN_FILENO);
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(dup2(fd, STDIN_FILENO) == STDIN_FILENO);
    ::close(fd);
    IndexRun run = index_into(db, {"-"}, std::move(options));
    dup2(saved, STDIN_FILENO);
    ::close(saved);
    return run;
}

/// Indexes one report, dir/in/a.txt, into `shards` shards at dir/db.
void index_one_report_sharded(const TempDir& dir, std::size_t shards) {
    dir.write("in/a.txt", "Report a.");
    indexer::IndexRunOptions options;
    options.shards = shards;
    index_into(dir / "db", {dir / "in"}, options);
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("indexing_run: adds new reports, replaces changed ones, skips unchanged ones") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 6, 4);
        const auto first = index_into(dir / "db", {corpus});
        CHECK(first.summary.added == 10);
        CHECK(first.problems.empty());
        const auto revision = Xapian::Database(dir / "db").get_revision();

        const auto again = index_into(dir / "db", {corpus});
        CHECK(again.summary.added == 0);
        CHECK(again.summary.unchanged == 10);
        CHECK(again.summary.total == 10);
        // Nothing was written: the database is at the same revision.
        CHECK(Xapian::Database(dir / "db").get_revision() == revision);

        write_text_report(dir, "corpus/text/1000.txt", 99);  // id r99 now, instead of r0
        dir.write("corpus/text/1001.txt",
                  "---\nid: r1\ntitle: Changed\n---\nA changed text about Kursk.\n");
        dir.write("corpus/text/new.txt", "A new report.");
        const auto changed = index_into(dir / "db", {corpus});
        CHECK(changed.summary.added == 2);  // r99 and "new"
        CHECK(changed.summary.replaced == 1);
        CHECK(changed.summary.unchanged == 8);
        CHECK(changed.summary.total == 12);  // r0 stays until pruned
    }

    TEST_CASE("indexing_run: --prune drops reports whose file is gone, or no longer holds them") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 4, 5);
        index_into(dir / "db", {corpus});
        fs::remove(dir.path() / "corpus/text/1002.txt");     // r2: file gone
        write_text_report(dir, "corpus/text/1003.txt", 33);  // r3: now r33
        std::string feed;
        for (std::size_t i : {0, 1, 3, 4}) {  // j2: line dropped from the feed
            feed += jsonl_report(i);
        }
        dir.write("corpus/feed.jsonl", feed);

        indexer::IndexRunOptions prune;
        prune.prune = true;
        const auto run = index_into(dir / "db", {corpus}, prune);
        CHECK(run.summary.pruned == 3);
        CHECK(run.summary.added == 1);
        CHECK(run.problems.empty());
        for (const char* gone : {"r2", "r3", "j2"}) {
            CHECK(stored_value(dir / "db", gone, kSourceSlot) == "(none)");
        }
        for (const char* kept : {"r0", "r33", "j0", "j4"}) {
            CHECK(stored_value(dir / "db", kept, kSourceSlot) != "(none)");
        }
        // j3 and j4 moved up a line: same content, new source; nothing analysed again.
        CHECK(stored_value(dir / "db", "j3", kSourceSlot) == dir / "corpus/feed.jsonl:3");
        CHECK(run.summary.unchanged == 6);

        // Pruning without paths checks files only: a file not read in this run stays.
        const auto quiet = index_into(dir / "db", {}, prune);
        CHECK(quiet.summary.pruned == 0);
        CHECK(quiet.summary.total == 7);
        fs::remove(dir.path() / "corpus/feed.jsonl");
        CHECK(index_into(dir / "db", {}, prune).summary.pruned == 4);
    }

    TEST_CASE("indexing_run: --prune keeps what it cannot be sure of") {
        TempDir dir;
        dir.write("in/feed.jsonl", jsonl_report(1) + jsonl_report(2));
        dir.write("in/a.txt", "Report a.");
        index_into(dir / "db", {dir / "in"});
        index_stdin(dir / "db", dir, jsonl_report(7));
        // The feed now has a broken line where j2 was: j2 might still be there; it stays.
        dir.write("in/feed.jsonl", jsonl_report(1) + "{\"id\": \"j2\", \"text\": \n");
        indexer::IndexRunOptions prune;
        prune.prune = true;
        const auto run = index_into(dir / "db", {dir / "in/feed.jsonl"}, prune);
        CHECK(run.summary.rejected == 1);
        CHECK(run.summary.pruned == 0);
        CHECK(run.summary.total == 4);  // j1, j2, a, and j7 from standard input
        CHECK(stored_value(dir / "db", "j7", kSourceSlot) == "<stdin>:1");
    }

    TEST_CASE("indexing_run: a moved file updates the source, so pruning keeps the report") {
        TempDir dir;
        dir.write("old/a.txt", "---\nid: kept\n---\nThe text of a report.\n");
        index_into(dir / "db", {dir / "old"});
        fs::create_directories(dir.path() / "new");
        fs::rename(dir.path() / "old/a.txt", dir.path() / "new/a.txt");
        indexer::IndexRunOptions prune;
        prune.prune = true;
        const auto run = index_into(dir / "db", {dir / "new"}, prune);
        CHECK(run.summary.unchanged == 1);
        CHECK(run.summary.pruned == 0);
        CHECK(stored_value(dir / "db", "kept", kSourceSlot) == dir / "new/a.txt");
    }

    TEST_CASE("indexing_run: --delete drops reports by id, an unknown id is a problem") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 3, 2);
        index_into(dir / "db", {corpus});
        indexer::IndexRunOptions del;
        del.delete_ids = {"r1", "j0", "nosuch"};
        const auto run = index_into(dir / "db", {}, del);
        CHECK(run.summary.deleted == 2);
        CHECK(run.summary.total == 3);
        CHECK(run.problems ==
              std::vector<std::string>{"nosuch: no report with this id; nothing deleted"});
        // Deleted and indexed again in one run: back, from the run's files.
        del.delete_ids = {"r2"};
        const auto both = index_into(dir / "db", {corpus}, del);
        CHECK(both.summary.deleted == 1);
        CHECK(both.summary.added == 3);  // r1, j0 and r2
        CHECK(both.summary.total == 5);
    }

    TEST_CASE("indexing_run: JSON Lines from standard input, as a scraper pipes them") {
        TempDir dir;
        std::string feed;
        for (std::size_t i = 0; i < 50; ++i) {
            feed += jsonl_report(i);
        }
        const auto run = index_stdin(dir / "db", dir, feed + "not json\n");
        CHECK(run.summary.added == 50);
        CHECK(run.summary.rejected == 1);
        CHECK(run.problems == std::vector<std::string>{
                                  "<stdin>:51: not a JSON object; line skipped; each line must be "
                                  "one {...} report"});
        CHECK(index_stdin(dir / "db", dir, feed).summary.unchanged == 50);
        CHECK(index_stdin(dir / "db", dir, "").problems.empty());  // nothing new: fine
    }

    TEST_CASE("indexing_run: a slow feed is searchable before it ends") {
        TempDir dir;
        index_into(dir / "db", {corpus_dir()});
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const int saved = dup(STDIN_FILENO);
        dup2(fds[0], STDIN_FILENO);
        ::close(fds[0]);
        std::thread indexer([&] { index_into(dir / "db", {"-"}); });
        const std::string first = jsonl_report(1) + jsonl_report(2);
        CHECK(::write(fds[1], first.data(), first.size()) == static_cast<ssize_t>(first.size()));
        bool seen = false;  // committed after a pause in the feed, not at its end
        for (int i = 0; i < 200 && !seen; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            seen = count_of(dir / "db") == 7;
        }
        CHECK(seen);
        const std::string last = jsonl_report(3);
        CHECK(::write(fds[1], last.data(), last.size()) == static_cast<ssize_t>(last.size()));
        ::close(fds[1]);
        indexer.join();
        dup2(saved, STDIN_FILENO);
        ::close(saved);
        CHECK(count_of(dir / "db") == 8);
    }

    TEST_CASE("indexing_run: the same id twice in a run: a problem, and the later report wins") {
        TempDir dir;
        dir.write("in/a.jsonl",
                  "{\"id\": \"x\", \"text\": \"Version one.\"}\n"
                  "{\"id\": \"y\", \"text\": \"Only once.\"}\n");
        index_into(dir / "db", {dir / "in"});
        // x changes, then comes again as it was: what the database held must still be replaced.
        dir.write("in/a.jsonl",
                  "{\"id\": \"x\", \"text\": \"Version two.\"}\n"
                  "{\"id\": \"y\", \"text\": \"Only once.\"}\n"
                  "{\"id\": \"x\", \"text\": \"Version one.\"}\n");
        for (std::size_t jobs : {1, 3}) {
            indexer::IndexRunOptions options;
            options.jobs = jobs;
            const auto run = index_into(dir / "db", {dir / "in"}, options);
            CHECK(run.problems ==
                  std::vector<std::string>{
                      dir / "in/a.jsonl" + ":3: id 'x' appears twice in this run (first at " +
                      dir / "in/a.jsonl" +
                      ":1); the later report is kept; give each report its own id"});
            CHECK(only_hit(dir / "db", "id:x").source == dir / "in/a.jsonl" + ":3");
            CHECK(count_of(dir / "db") == 2);
        }
    }

    TEST_CASE("indexing_run: a report over the size limit is cut, with a warning") {
        Report report;
        report.body = std::string(schema::kMaxBodyBytes - 10, 'a') + "\n" + std::string(50, 'b');
        CHECK(indexer::limit_body(report, "big.txt", 0));
        CHECK(report.body.size() == schema::kMaxBodyBytes - 10);
        Report small;
        small.body = "Short.";
        CHECK_FALSE(indexer::limit_body(small, "small.txt", 0));
        // No paragraph break near the limit: cut before a whole character.
        Report words;
        words.body = std::string(schema::kMaxBodyBytes - 1, 'a') + "\xC3\xA9\xC3\xA9";
        const auto warning = indexer::limit_body(words, "feed.jsonl", 4);
        REQUIRE(warning);
        CHECK(words.body.size() == schema::kMaxBodyBytes - 1);
        CHECK(warning->to_string() ==
              "feed.jsonl:4: report text of 8.0 MB is longer than the 8.0 MB limit; indexed its "
              "first 8.0 MB");
    }

    TEST_CASE("indexing_run: --jobs N writes exactly what --jobs 1 writes") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 40, 150);
        dir.write("corpus/text/bad.txt", std::string("binary\0", 7));
        indexer::IndexRunOptions one;
        one.jobs = 1;
        const auto serial = index_into(dir / "one", {corpus}, one);
        indexer::IndexRunOptions four;
        four.jobs = 4;
        const auto parallel = index_into(dir / "four", {corpus}, four);
        CHECK(serial.summary.added == 190);
        CHECK(parallel.summary.added == 190);
        CHECK(parallel.problems == serial.problems);
        const auto a = dump_documents(dir / "one");
        const auto b = dump_documents(dir / "four");
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i] == b[i]);
        }
    }

    TEST_CASE("indexing_run: --shards N: a stub the searcher opens, with the same answers") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 30, 60);
        index_into(dir / "single", {corpus});
        indexer::IndexRunOptions sharded;
        sharded.shards = 3;
        sharded.jobs = 2;
        const auto run = index_into(dir / "sharded", {corpus}, sharded);
        CHECK(run.summary.added == 90);
        CHECK(run.summary.shards == 3);
        CHECK(fs::exists(dir.path() / "sharded/XAPIANDB"));
        for (int k = 0; k < 3; ++k) {
            const auto shard = count_of(dir / ("sharded/shard-" + std::to_string(k)));
            CHECK(shard > 10);  // spread by the id hash
        }

        auto single = search::Searcher::open(dir / "single");
        auto shards = search::Searcher::open(dir / "sharded");
        REQUIRE(single);
        REQUIRE(shards);
        for (const char* query : {"kursk withdrawal",
                                  "\"drone front\"",
                                  "title:troops",
                                  "outlet:\"Kyiv Post\" energy",
                                  "date:2025-02 talks"}) {
            CAPTURE(query);
            search::SearchRequest request;
            request.query = query;
            request.facets = true;
            request.limit = 100;
            const auto a = single->search(request);
            const auto b = shards->search(request);
            REQUIRE(a);
            REQUIRE(b);
            CHECK(a->total == b->total);
            std::map<std::string, double> weights;
            for (const auto& hit : a->hits) {
                weights[hit.report.id] = hit.weight;
            }
            REQUIRE(b->hits.size() == a->hits.size());
            for (const auto& hit : b->hits) {
                CAPTURE(hit.report.id);
                REQUIRE(weights.count(hit.report.id) == 1);
                CHECK(hit.weight == doctest::Approx(weights[hit.report.id]).epsilon(1e-9));
            }
            // Story keys are given within a shard (near-duplicates routed to different shards
            // are not joined; README, Stories), so the story facet may differ.
            auto facets_of = [](const search::SearchResponse& response) {
                auto facets = search::to_json(response)["facets"];
                facets.erase("story");
                facets.erase("stories");
                return facets;
            };
            CHECK(facets_of(*a) == facets_of(*b));
        }

        // Incremental runs, deletes and prunes find each report in its shard.
        const auto again = index_into(dir / "sharded", {corpus});
        CHECK(again.summary.unchanged == 90);
        CHECK(again.summary.shards == 3);
        fs::remove(dir.path() / "corpus/text/1005.txt");
        indexer::IndexRunOptions tidy;
        tidy.prune = true;
        tidy.delete_ids = {"j7", "r9"};
        const auto tidied = index_into(dir / "sharded", {}, tidy);
        CHECK(tidied.summary.deleted == 2);
        CHECK(tidied.summary.pruned == 1);
        CHECK(count_of(dir / "sharded") == 87);
    }

    TEST_CASE("indexing_run: the shard count is kept, and changed only by a rebuild") {
        TempDir dir;
        index_one_report_sharded(dir, 2);
        indexer::IndexRunOptions options;
        options.shards = 4;
        options.db_path = dir / "db";
        options.paths = {dir / "in"};
        const auto refused = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::Usage);
        CHECK(refused.error().message == dir / "db" + " holds 2 shards, not 4");
        options.mode = db::WriteMode::Rebuild;
        const auto rebuilt = index_into(dir / "db", {dir / "in"}, options);
        CHECK(rebuilt.summary.shards == 4);
        CHECK(indexer::existing_layout(dir / "db")->shards == 4);
        options.shards = 1;
        options.mode = db::WriteMode::CreateOrOpen;
        const auto to_one = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE_FALSE(to_one);
        CHECK(to_one.error().message == dir / "db" + " holds 4 shards");
        // A plain database stays plain.
        index_into(dir / "plain", {dir / "in"});
        options.db_path = dir / "plain";
        options.shards = 3;
        const auto plain = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE_FALSE(plain);
        CHECK(plain.error().message == dir / "plain" + " is one database, not shards");
    }

    TEST_CASE("indexing_run: shards whose stub was never written are found, and the stub made") {
        TempDir dir;
        index_one_report_sharded(dir, 3);
        fs::remove(dir.path() / "db/XAPIANDB");  // as if a first run had stopped before it
        CHECK(indexer::existing_layout(dir / "db")->shards == 3);
        const auto again = index_into(dir / "db", {dir / "in"});
        CHECK(again.summary.shards == 3);
        CHECK(again.summary.unchanged == 1);
        CHECK(fs::exists(dir.path() / "db/XAPIANDB"));
        CHECK_FALSE(indexer::existing_layout(dir / "nothing-here"));
    }

    TEST_CASE("indexing_run: the file of a stored source") {
        CHECK(indexer::file_of_source("/data/feed.jsonl:12") == "/data/feed.jsonl");
        CHECK(indexer::file_of_source("/data/a:b/report.txt") == "/data/a:b/report.txt");
        CHECK(indexer::file_of_source("/data/notes.txt:12") == "/data/notes.txt:12");
        CHECK(indexer::file_of_source("<stdin>:3") == "<stdin>:3");
        CHECK(indexer::file_of_source("/data/x.ndjson:") == "/data/x.ndjson:");
    }

    TEST_CASE("indexing_run: routing by id hash is stable and spreads reports") {
        CHECK(indexer::shard_of("000_538164c2fa05198d", 1) == 0);
        CHECK(indexer::shard_of("r1", 4) == indexer::shard_of("r1", 4));
        std::vector<int> per_shard(4, 0);
        for (int i = 0; i < 400; ++i) {
            ++per_shard[indexer::shard_of("report-" + std::to_string(i), 4)];
        }
        for (int n : per_shard) {
            CHECK(n > 60);
        }
    }

    TEST_CASE("indexing_run: a second indexer is refused, naming the first one's pid") {
        TempDir dir;
        dir.write("in/a.txt", "Report a.");
        auto held = indexer::IndexLock::acquire(dir / "db", false, nullptr, [](long) {});
        REQUIRE(held);
        indexer::IndexRunOptions options;
        options.db_path = dir / "db";
        options.paths = {dir / "in"};
        const auto refused = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::DatabaseLocked);
        CHECK(refused.error().message == "database " + dir / "db" +
                                             " is locked by another indexer (pid " +
                                             std::to_string(getpid()) + ")");
        // With --wait it queues, and runs when the lock is released.
        options.wait = true;
        std::atomic<long> waited_for{0};
        std::atomic<bool> finished{false};
        options.on_wait = [&](long pid) { waited_for = pid; };
        std::optional<Result<indexer::IndexSummary>> waited;
        std::thread second([&] {
            waited = indexer::run_indexing(options, [](const InputProblem&) {});
            finished = true;
        });
        while (waited_for == 0 && !finished) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        CHECK_FALSE(finished);
        held = indexer::IndexLock::acquire(dir / "other", false, nullptr, [](long) {});  // release
        second.join();
        CHECK(waited_for == getpid());
        REQUIRE(waited.has_value());
        REQUIRE(*waited);
        CHECK((*waited)->added == 1);
        CHECK(fs::exists(dir.path() / "db" / "gazette.lock"));
        CHECK(fs::exists(dir.path() / "db" / "flintlock"));
    }

    TEST_CASE("indexing_run: nothing is written in a directory that is not a database") {
        TempDir dir;
        dir.write("notes/mine.txt", "My notes.");
        indexer::IndexRunOptions options;
        options.db_path = dir / "notes";
        options.paths = {corpus_dir()};
        const auto refused = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::DatabaseNotGazette);
        CHECK_FALSE(fs::exists(dir.path() / "notes/gazette.lock"));
        // A directory holding only a lock (a first run killed before it wrote anything) is fine.
        fs::create_directories(dir.path() / "fresh");
        dir.write("fresh/gazette.lock", "12345\n");
        CHECK(index_into(dir / "fresh", {corpus_dir()}).summary.added == 5);
    }

    TEST_CASE("indexing_run: searches during indexing never fail nor see half a report") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 0, 600);
        index_into(dir / "db", {corpus_dir()});
        std::atomic<bool> done{false};
        // A jthread: a failed REQUIRE below leaves the test through its destructor, which waits for
        // the indexer instead of aborting the whole test binary.
        std::jthread indexer([&] {
            indexer::IndexRunOptions options;
            options.batch_size = 5;  // many commits, so the searcher's view goes stale often
            options.jobs = 1;
            index_into(dir / "db", {corpus}, options);
            done = true;
        });
        auto searcher = search::Searcher::open(dir / "db");  // one long-lived view, as a server
        REQUIRE(searcher);
        int searches = 0;
        Xapian::doccount last_total = 0;
        while (!done || searches < 5) {
            search::SearchRequest request;
            request.query = "kursk";
            request.facets = (searches % 2) == 0;
            request.limit = 20;
            const auto refreshed =
                searcher->refresh();  // as gazette-serve does before each request
            REQUIRE_MESSAGE(refreshed, refreshed.error().message);
            const auto found = searcher->search(request);
            REQUIRE_MESSAGE(found, found.error().message);
            for (const auto& hit : found->hits) {
                if (hit.report.id.starts_with("j")) {
                    const std::size_t i = std::stoul(hit.report.id.substr(1));
                    CHECK(hit.report.title == generated_title(i));
                    CHECK(hit.report.outlet == generated_outlet(i));
                    CHECK_FALSE(hit.snippet.parts.empty());
                }
            }
            if (request.facets) {  // exact totals: commits only add reports here
                CHECK(found->total >= last_total);
                last_total = found->total;
            }
            ++searches;
        }
        indexer.join();
        CHECK(searches > 5);
    }
}
