#include "common/schema.hpp"

#include "common/database.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace gazette;

TEST_SUITE("common") {
    TEST_CASE("schema: fields have distinct names and prefixes, Omega's where they exist") {
        std::set<std::string_view> names;
        std::set<std::string_view> prefixes;
        for (const auto& f : schema::kFields) {
            CHECK(names.insert(f.name).second);
            if (!f.prefix.empty()) {
                CHECK(prefixes.insert(f.prefix).second);
            }
        }
        CHECK(schema::find_field("id")->prefix == "Q");
        CHECK(schema::find_field("title")->prefix == "S");
        CHECK(schema::find_field("nope") == nullptr);
    }

    TEST_CASE("schema: boolean terms fold values, so capitals cannot break them") {
        // Xapian's QueryParser pitfall: outlet:"Kyiv Post" -> "XO:Kyiv Post". Ours fold to one key.
        CHECK(schema::boolean_term("outlet", "Kyiv Post") == "XOkyiv post");
        CHECK(schema::boolean_term("outlet", "KYIV  POST") == "XOkyiv post");
        CHECK(schema::boolean_term("id", "000_ABC") == "Q000_ABC");  // ids are kept as they are
    }

    TEST_CASE("schema: over-long values stay within the term limit and distinct") {
        const std::string a(400, 'a');
        const std::string b = std::string(399, 'a') + "b";
        const auto ta = schema::boolean_term("id", a);
        const auto tb = schema::boolean_term("id", b);
        CHECK(ta.size() <= schema::kMaxTermBytes);
        CHECK(ta != tb);
    }

    TEST_CASE("schema: date terms") {
        const auto terms = schema::date_terms(2025, 1, 31);
        CHECK(terms[0] == "Y2025");
        CHECK(terms[1] == "M202501");
        CHECK(terms[2] == "D20250131");
    }

    TEST_CASE("schema: the version is written on create and checked on open") {
        testing::TempDir dir;
        const std::string path = dir / "db";
        {
            auto db = db::open_for_writing(path, db::WriteMode::CreateOrOpen);
            REQUIRE(db);
            CHECK(db->get_metadata(std::string(schema::kVersionKey)) ==
                  std::to_string(schema::kVersion));
        }
        CHECK(db::open_for_reading(path));
        {
            Xapian::WritableDatabase raw(path);
            raw.set_metadata(std::string(schema::kVersionKey), "0");
            raw.commit();
        }
        auto reopened = db::open_for_reading(path);
        REQUIRE_FALSE(reopened);
        CHECK(reopened.error().code == ErrorCode::SchemaMismatch);
        CHECK(reopened.error().hint.find("re-index") != std::string::npos);
        CHECK(exit_code(reopened.error().code) == 3);
    }

    TEST_CASE("schema: opening what is not a Gazette database") {
        testing::TempDir dir;
        auto missing = db::open_for_reading(dir / "none");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::DatabaseMissing);
        dir.write("plain/notes.txt", "hello");
        auto plain = db::open_for_reading(dir / "plain");
        REQUIRE_FALSE(plain);
        CHECK(plain.error().code == ErrorCode::DatabaseNotGazette);
        // Never write a database into a directory of other files.
        auto write = db::open_for_writing(dir / "plain", db::WriteMode::CreateOrOpen);
        REQUIRE_FALSE(write);
        CHECK(write.error().code == ErrorCode::DatabaseNotGazette);
        {
            Xapian::WritableDatabase other(dir / "xapian-only", Xapian::DB_CREATE);
            other.add_document(Xapian::Document());
            other.commit();
        }
        auto foreign = db::open_for_reading(dir / "xapian-only");
        REQUIRE_FALSE(foreign);
        CHECK(foreign.error().code == ErrorCode::DatabaseNotGazette);
    }

    TEST_CASE("schema: a second writer is told the database is locked") {
        testing::TempDir dir;
        auto first = db::open_for_writing(dir / "db", db::WriteMode::CreateOrOpen);
        REQUIRE(first);
        auto second = db::open_for_writing(dir / "db", db::WriteMode::CreateOrOpen);
        REQUIRE_FALSE(second);
        CHECK(second.error().code == ErrorCode::DatabaseLocked);
        CHECK(second.error().message.find("locked") != std::string::npos);
    }
}
