#include "indexer/compaction.hpp"

#include "common/database.hpp"
#include "common/schema.hpp"
#include "searcher/render.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/indexer/indexing_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace gazette;
using namespace gazette::testing;
namespace fs = std::filesystem;

namespace {

/// Indexes `reports` generated reports into two shards at `dir`/db, not compacted.
/// @return the options of that run.
indexer::IndexRunOptions index_loose(const TempDir& dir, std::size_t reports) {
    indexer::IndexRunOptions options;
    options.shards = 2;
    options.compact = false;
    index_into(dir / "db", {write_corpus(dir, 0, reports)}, options);
    return options;
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("compaction: after a run writing most reports: ids and answers kept") {
        TempDir dir;
        const std::string corpus = write_corpus(dir, 30, 400);
        indexer::IndexRunOptions options;
        options.shards = 2;
        options.jobs = 2;
        options.batch_size = 20;  // many commits, as a large run makes: blocks left part empty
        options.compact = false;  // --no-compact
        const auto loose = index_into(dir / "loose", {corpus}, options);
        CHECK_FALSE(loose.summary.compacted);
        options.compact = true;  // the default
        const auto built = index_into(dir / "compact", {corpus}, options);
        CHECK(built.summary.compacted);
        CHECK(built.problems.empty());
        for (const char* left : {"compact/shard-0/compacting", "compact/shard-1/compacted"}) {
            CHECK_FALSE(fs::exists(dir.path() / left));
        }

        const auto bytes_of = [](const fs::path& root) {
            std::uintmax_t bytes = 0;
            for (const auto& entry : fs::recursive_directory_iterator(root)) {
                bytes += entry.is_regular_file() ? entry.file_size() : 0;
            }
            return bytes;
        };
        CHECK(bytes_of(dir.path() / "compact") < bytes_of(dir.path() / "loose"));
        // The block size the database was made with (Xapian's default would be 8 KB): a table's
        // file is whole blocks.
        for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "compact")) {
            if (entry.path().extension() == ".glass") {
                CAPTURE(entry.path());
                CHECK(entry.file_size() % db::kBlockSize == 0);
            }
        }
        // Each report keeps its document id, in each shard.
        for (const char* shard : {"shard-0", "shard-1"}) {
            const Xapian::Database a(dir / (std::string("loose/") + shard));
            const Xapian::Database b(dir / (std::string("compact/") + shard));
            REQUIRE(a.get_doccount() == b.get_doccount());
            CHECK(a.get_lastdocid() == b.get_lastdocid());
            for (auto id = a.allterms_begin(schema::boolean_term("id", ""));
                 id != a.allterms_end(schema::boolean_term("id", ""));
                 ++id) {
                CHECK(*a.postlist_begin(*id) == *b.postlist_begin(*id));
            }
        }
        auto loose_searcher = search::Searcher::open(dir / "loose");
        auto compact_searcher = search::Searcher::open(dir / "compact");
        REQUIRE(loose_searcher);
        REQUIRE(compact_searcher);
        for (const char* query : {"kursk withdrawal", "\"drone front\"", "date:2025-02 talks"}) {
            CAPTURE(query);
            search::SearchRequest request;
            request.query = query;
            request.facets = true;
            const auto a = loose_searcher->search(request);
            const auto b = compact_searcher->search(request);
            REQUIRE(a);
            REQUIRE(b);
            CHECK(search::to_json(*a) == search::to_json(*b));
        }

        // A later run writes into the compacted shards; a few reports are not worth compacting.
        dir.write("corpus/text/1001.txt",
                  "---\nid: r1\ntitle: Changed\n---\nA changed text about Zaporizhzhia.\n");
        const auto changed = index_into(dir / "compact", {corpus}, options);
        CHECK(changed.summary.replaced == 1);
        CHECK_FALSE(changed.summary.compacted);
        CHECK(only_hit(dir / "compact", "zaporizhzhia").id == "r1");
    }

    TEST_CASE("compaction: worth it when a run wrote a quarter of the reports or more") {
        CHECK(indexer::worth_compacting(10, 10));
        CHECK(indexer::worth_compacting(25, 100));
        CHECK_FALSE(indexer::worth_compacting(24, 100));
        CHECK_FALSE(indexer::worth_compacting(0, 0));
    }

    TEST_CASE("compaction: what searchers see of the table files: new after compacting only") {
        TempDir dir;
        indexer::IndexRunOptions options = index_loose(dir, 40);
        const db::TableFiles loose = db::table_files(dir / "db");
        CHECK(loose.inodes.size() == 2);
        CHECK_FALSE(loose.being_replaced);
        dir.write("late.txt", "---\nid: late\n---\nA late text about Zaporizhzhia.\n");
        index_into(dir / "db", {dir / "late.txt"}, options);  // commits into the same files
        CHECK(db::table_files(dir / "db").inodes == loose.inodes);
        REQUIRE(indexer::compact_in_place({dir / "db/shard-0", dir / "db/shard-1"}, 2));
        const db::TableFiles compacted = db::table_files(dir / "db");
        CHECK(compacted.inodes[0] != loose.inodes[0]);
        CHECK(compacted.inodes[1] != loose.inodes[1]);
        CHECK_FALSE(compacted.being_replaced);
        CHECK(db::table_files(dir / "db/shard-1").inodes == std::vector{compacted.inodes[1]});
    }

    TEST_CASE("compaction: not begun on a disk without room for the copies") {
        TempDir dir;
        index_loose(dir, 40);
        const std::vector<std::string> shards{dir / "db/shard-0", dir / "db/shard-1"};
        std::uintmax_t tables = 0;
        for (const auto& shard : shards) {
            for (const auto& entry : fs::directory_iterator(shard)) {
                tables += entry.path().extension() == ".glass" ? entry.file_size() : 0;
            }
        }
        REQUIRE(tables > 0);
        CHECK(indexer::check_room_to_compact(shards, tables));
        const auto short_of_room = indexer::check_room_to_compact(shards, tables - 1);
        REQUIRE_FALSE(short_of_room);
        CHECK(short_of_room.error().message.find("not compacted") == 0);
        CHECK(short_of_room.error().message.find(" MB free") != std::string::npos);
        CHECK(short_of_room.error().hint.find("--no-compact") != std::string::npos);
    }

    TEST_CASE("compaction: a searcher open across compacting reads the new tables") {
        TempDir dir;
        const auto feed = [&](const std::string& name, std::size_t first, std::size_t last) {
            std::string lines;
            for (std::size_t i = first; i < last; ++i) {
                lines += jsonl_report(i);
            }
            return dir.write(name, lines);
        };
        indexer::IndexRunOptions options;
        options.shards = 2;
        options.batch_size = 20;
        CHECK(index_into(dir / "db", {feed("first.jsonl", 0, 100)}, options).summary.compacted);
        // Long-lived, as gazette-serve's: it keeps facet records and refreshes before each search.
        auto searcher = search::Searcher::open(dir / "db");
        REQUIRE(searcher);
        searcher->keep_facet_records = true;
        search::SearchRequest request;
        request.query = "kursk";
        request.facets = true;
        request.limit = 50;
        const auto before = searcher->search(request);
        REQUIRE(before);

        const auto more = index_into(dir / "db", {feed("second.jsonl", 100, 300)}, options);
        CHECK(more.summary.compacted);
        const auto same_as_fresh = [&](const std::string& query) {
            CAPTURE(query);
            request.query = query;
            const auto refreshed = searcher->refresh();
            REQUIRE_MESSAGE(refreshed, refreshed.error().message);
            const auto found = searcher->search(request);
            REQUIRE_MESSAGE(found, found.error().message);
            auto fresh = search::Searcher::open(dir / "db");
            REQUIRE(fresh);
            const auto expected = fresh->search(request);
            REQUIRE(expected);
            CHECK(search::to_json(*found) == search::to_json(*expected));
            return found->total;
        };
        CHECK(same_as_fresh("kursk") > before->total);
        same_as_fresh("\"drone front\"");

        // A small run is not compacted: it commits into the compacted tables.
        dir.write("late.txt", "---\nid: late\n---\nA late text about Zaporizhzhia.\n");
        CHECK_FALSE(index_into(dir / "db", {dir / "late.txt"}, options).summary.compacted);
        CHECK(same_as_fresh("zaporizhzhia") == 1);
        CHECK(same_as_fresh("kursk") > before->total);
    }

    TEST_CASE("compaction: a copy stopped halfway in: searchers keep their tables, a run ends it") {
        TempDir dir;
        const indexer::IndexRunOptions options = index_loose(dir, 120);
        auto searcher = search::Searcher::open(dir / "db");
        REQUIRE(searcher);
        search::SearchRequest request;
        request.query = "kursk";
        request.facets = true;
        const auto before = searcher->search(request);
        REQUIRE(before);

        // The copy is made and one table moved in; then the run stops.
        const fs::path shard = dir.path() / "db/shard-0";
        REQUIRE(indexer::prepare_compacted_copy(shard));
        REQUIRE(fs::exists(shard / "compacted/postlist.glass"));
        fs::rename(shard / "compacted/postlist.glass", shard / "postlist.glass");
        CHECK(db::table_files(dir / "db").being_replaced);
        REQUIRE(searcher->refresh());
        const auto meanwhile = searcher->search(request);
        REQUIRE(meanwhile);
        CHECK(search::to_json(*meanwhile) == search::to_json(*before));

        // The next run moves the rest in before it writes.
        dir.write("late.txt", "---\nid: late\n---\nA late text about Zaporizhzhia.\n");
        const auto late = index_into(dir / "db", {dir / "late.txt"}, options);
        CHECK(late.problems.empty());
        CHECK_FALSE(fs::exists(shard / "compacted"));
        CHECK_FALSE(db::table_files(dir / "db").being_replaced);
        CHECK(Xapian::Database(dir / "db").get_doccount() == 121);
        REQUIRE(searcher->refresh());
        const auto after = searcher->search(request);
        auto fresh = search::Searcher::open(dir / "db");
        REQUIRE(fresh);
        const auto expected = fresh->search(request);
        REQUIRE(after);
        REQUIRE(expected);
        CHECK(search::to_json(*after) == search::to_json(*expected));
        CHECK(only_hit(dir / "db", "zaporizhzhia").id == "late");
    }

    TEST_CASE("compaction: a copy a run left unfinished is removed by the next") {
        TempDir dir;
        const indexer::IndexRunOptions options = index_loose(dir, 3);
        dir.write("db/shard-0/compacting/postlist.glass", "half written");
        dir.write("late.txt", "---\nid: late\n---\nA late text about Zaporizhzhia.\n");
        CHECK(index_into(dir / "db", {dir / "late.txt"}, options).problems.empty());
        CHECK_FALSE(fs::exists(dir.path() / "db/shard-0/compacting"));
        CHECK(Xapian::Database(dir / "db").get_doccount() == 4);
    }
}
