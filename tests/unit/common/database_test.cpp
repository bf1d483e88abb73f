// Reading a stub's shards: the searcher counts facets on every core when all shards are local.
#include "common/database.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>

using namespace gazette;

TEST_SUITE("common") {
    TEST_CASE("database: local_shards reads a stub's local shards, relative to the stub") {
        testing::TempDir dir;
        dir.write("XAPIANDB", "# two shards\nauto shard-0\n\nglass /data/shard-1\n");
        const std::vector<std::string> expected = {dir / "shard-0", "/data/shard-1"};
        CHECK(db::local_shards(dir.path().string()) == expected);  // the directory holding the stub
        CHECK(db::local_shards(dir / "XAPIANDB") == expected);     // the stub itself
    }

    TEST_CASE("database: local_shards is empty for a remote shard, no stub or an odd line") {
        testing::TempDir dir;
        CHECK(db::local_shards(dir.path().string()).empty());  // a plain database directory
        CHECK(db::local_shards(dir / "missing").empty());
        dir.write("remote.stub", "auto shard-0\nremote localhost:7001\n");
        CHECK(db::local_shards(dir / "remote.stub").empty());
        dir.write("odd.stub", "auto\n");
        CHECK(db::local_shards(dir / "odd.stub").empty());
    }

    TEST_CASE("database: has_remote_shards tells a stub with a remote shard") {
        testing::TempDir dir;
        dir.write("XAPIANDB", "# local\nauto shard-0\n");
        CHECK_FALSE(db::has_remote_shards(dir.path().string()));
        CHECK_FALSE(db::has_remote_shards(dir / "missing"));
        dir.write("tcp.stub", "auto shard-0\n  remote 127.0.0.1:7001\n");
        CHECK(db::has_remote_shards(dir / "tcp.stub"));
        dir.write("prog.stub", "remote :xapian-progsrv /data/shard-1\n");
        CHECK(db::has_remote_shards(dir / "prog.stub"));
        dir.write("comment.stub", "# remote 127.0.0.1:7001\nauto shard-0\n");
        CHECK_FALSE(db::has_remote_shards(dir / "comment.stub"));
    }

    TEST_CASE("database: a new database is written in 32 KB blocks") {
        // Glass tables grow a block at a time: each file is a whole number of blocks. With
        // Xapian's default 8 KB blocks, tables of 24 KB showed up here.
        testing::TempDir dir;
        {
            auto db = db::open_for_writing(dir / "db", db::WriteMode::CreateOrOpen);
            REQUIRE(db);
            Xapian::Document doc;
            doc.add_term("Qone");
            doc.set_data("text");
            db->add_document(doc);
            db->commit();
        }
        int tables = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir / "db")) {
            if (entry.path().extension() != ".glass") {
                continue;
            }
            const auto size = std::filesystem::file_size(entry.path());
            if (size == 0) {
                continue;  // a table no document uses yet
            }
            ++tables;
            CAPTURE(entry.path().filename().string());
            CHECK(size % (32 * 1024) == 0);
        }
        CHECK(tables > 0);
    }

    TEST_CASE("database: a new or rebuilt database commits unsynced, an existing one synced") {
        testing::TempDir dir;
        const std::string path = dir / "db";
        CHECK(db::commits_for(path, db::WriteMode::CreateOrOpen) == db::Commits::Unsynced);
        {
            auto db =
                db::open_for_writing(path, db::WriteMode::CreateOrOpen, db::Commits::Unsynced);
            REQUIRE(db);
        }
        CHECK(db::commits_for(path, db::WriteMode::CreateOrOpen) == db::Commits::Synced);
        CHECK(db::commits_for(path, db::WriteMode::Rebuild) == db::Commits::Unsynced);
        CHECK(db::sync_to_disk(path));
        const auto missing = db::sync_to_disk(dir / "missing");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::Io);
        CHECK(missing.error().message.find(dir / "missing") != std::string::npos);
    }
}
