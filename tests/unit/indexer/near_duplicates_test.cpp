#include "indexer/near_duplicates.hpp"

#include "common/schema.hpp"
#include "indexer/indexing_run.hpp"
#include "indexer/story_keys.hpp"
#include "tests/unit/searcher/relevance_fixture.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string story_of(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::boolean_term("id", id);
    return db.get_document(*db.postlist_begin(term))
        .get_value(schema::slot(schema::Slot::StoryKey));
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("near_duplicates: a copy with one sentence changed is close, other texts are far") {
        const auto story = indexer::minhash_signature(testing::kWireStory);
        const auto copy = indexer::minhash_signature(testing::kWireCopy);
        REQUIRE(story.size() == schema::kMinHashes);
        CHECK(indexer::signature_similarity(story, story) == 1.0);
        CHECK(indexer::signature_similarity(story, copy) >= schema::kNearDuplicateSimilarity);
        const auto other = indexer::minhash_signature(
            "Officials said heavy snow closed the mountain passes and the ski resorts expect a "
            "record season after a dry December, while the roads stayed open.");
        CHECK(indexer::signature_similarity(story, other) < 0.2);
        // Too short to compare: no signature, no band terms.
        CHECK(indexer::minhash_signature("Troops withdrew.").empty());
        CHECK(indexer::band_terms({}).empty());
    }

    TEST_CASE("near_duplicates: words split at punctuation, typographic marks included") {
        CHECK(indexer::shingle_words("Ukraine\xE2\x80\x99s troops \xE2\x80\x94 “Puls” said") ==
              std::vector<std::string>{"ukraine", "s", "troops", "puls", "said"});
        CHECK(indexer::shingle_words("Ukraine's  troops - \"Puls\" said") ==
              std::vector<std::string>{"ukraine", "s", "troops", "puls", "said"});
        CHECK(indexer::shingle_words("Café\xC2\xA0Kyiv") ==
              std::vector<std::string>{"café", "kyiv"});
    }

    TEST_CASE("near_duplicates: signatures survive the value slot, bands are terms") {
        const auto story = indexer::minhash_signature(testing::kWireStory);
        CHECK(indexer::parse_signature(indexer::serialise_signature(story)) == story);
        CHECK(indexer::parse_signature("short").empty());
        const auto bands = indexer::band_terms(story);
        CHECK(bands.size() == schema::kStoryBands);
        CHECK(bands.front().rfind(std::string(schema::prefix::kStoryBand) + "0:", 0) == 0);
    }

    TEST_CASE("story_keys: near-duplicates share the first one's id, others keep their own") {
        const auto& index = testing::relevance_index();
        const Xapian::Database db(index.db);
        // The walk indexes wire-copy.md before wire.md: the copy leads the story.
        CHECK(story_of(db, "wire-copy") == "wire-copy");
        CHECK(story_of(db, "wire") == "wire-copy");
        CHECK(story_of(db, "weather") == "weather");
        CHECK(story_of(db, "football") == "football");
        CHECK(story_of(db, "retreat") == "retreat");
    }

    TEST_CASE("story_keys: the seed reports are five stories, 003 rewrites none of them") {
        testing::TempDir dir;
        indexer::IndexRunOptions options;
        options.db_path = dir / "db";
        options.paths = {testing::corpus_dir()};
        REQUIRE(indexer::run_indexing(options, [](const InputProblem&) {}));
        const Xapian::Database db(options.db_path);
        for (const char* id : {"000_538164c2fa05198d",
                               "001_3c87959d9f703bea",
                               "002_9b497591670c9523",
                               "003_8a8b18163b97c80c",
                               "004_c601d5b61a287260"}) {
            CAPTURE(id);
            CHECK(story_of(db, id) == id);
        }
    }

    TEST_CASE("story_keys: re-indexing a report keeps its story, a copy indexed first leads") {
        testing::TempDir dir;
        dir.write("a/copy.md", testing::report("copy", "B", "Copy", testing::kWireCopy));
        dir.write("b/story.md", testing::report("story", "A", "Story", testing::kWireStory));
        indexer::IndexRunOptions options;
        options.db_path = dir / "db";
        options.paths = {dir / "a"};
        REQUIRE(indexer::run_indexing(options, [](const InputProblem&) {}));
        options.paths = {dir / "b"};
        REQUIRE(indexer::run_indexing(options, [](const InputProblem&) {}));
        {
            const Xapian::Database db(options.db_path);
            CHECK(story_of(db, "copy") == "copy");
            CHECK(story_of(db, "story") == "copy");
        }
        // The copy changes a little and is indexed again: still the same story.
        dir.write("a/copy.md",
                  testing::report("copy", "B", "Copy", testing::kWireCopy + " Updated at noon."));
        options.paths = {dir / "a"};
        auto summary = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE(summary);
        CHECK(summary->replaced == 1);
        const Xapian::Database db(options.db_path);
        CHECK(story_of(db, "copy") == "copy");
        CHECK(story_of(db, "story") == "copy");
    }

    TEST_CASE("spelling_dictionary: words of titles and bodies, gone with their reports") {
        testing::TempDir dir;
        dir.write("r/a.md",
                  testing::report("a", "X", "Withdrawal from Pokrovsk", "Troops were seen."));
        indexer::IndexRunOptions options;
        options.db_path = dir / "db";
        options.paths = {dir / "r"};
        REQUIRE(indexer::run_indexing(options, [](const InputProblem&) {}));
        {
            const Xapian::Database db(options.db_path);
            CHECK(db.get_spelling_suggestion("withdrawl") == "withdrawal");  // a title word
            CHECK(db.get_spelling_suggestion("pokrovks") == "pokrovsk");
            CHECK(db.get_spelling_suggestion("trops") == "troops");  // a body word
        }
        options.paths.clear();
        options.delete_ids = {"a"};
        REQUIRE(indexer::run_indexing(options, [](const InputProblem&) {}));
        const Xapian::Database db(options.db_path);
        CHECK(db.get_spelling_suggestion("withdrawl").empty());
    }
}
