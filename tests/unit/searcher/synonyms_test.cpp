#include "searcher/synonyms.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

using namespace gazette;

namespace {

Result<search::SynonymTable> parse(std::string_view text) {
    return search::SynonymTable::parse(text, "syn.tsv", text::thread_analyzer());
}

/// An in-memory database of one report that holds `terms`.
Xapian::WritableDatabase one_report(std::initializer_list<const char*> terms) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    for (const char* term : terms) {
        doc.add_term(term);
    }
    db.add_document(doc);
    return db;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("synonyms: groups are looked up by the stems of their words") {
        auto table =
            parse("# comment\n\nwithdrawal\twithdraw\tpull back\tretreat\r\nDPRK\tNorth Korea\n");
        REQUIRE(table);
        CHECK(table->group_count() == 2);
        CHECK(table->longest_entry() == 2);
        CHECK(table->source() == "syn.tsv");
        CHECK(table->alternatives({"withdraw"}).size() == 4);      // withdrawals, withdrawn ...
        CHECK(table->alternatives({"pull", "back"}).size() == 4);  // "pulled back" too
        CHECK(table->alternatives({"retreat"}).size() == 4);
        CHECK(table->alternatives({"north", "korea"}).size() == 2);
        CHECK(table->alternatives({"north"}).empty());
        CHECK(table->alternatives({"kursk"}).empty());
    }

    TEST_CASE("synonyms: a bad line is named with its file and line number") {
        auto single = parse("withdrawal\tretreat\nwithdrawal retreat\n");
        REQUIRE_FALSE(single);
        CHECK(single.error().code == ErrorCode::Usage);
        CHECK(single.error().message.find("syn.tsv:2:") == 0);
        CHECK(single.error().hint.find("TAB") != std::string::npos);
        auto empty_entry = parse("withdrawal\t!!!\n");
        REQUIRE_FALSE(empty_entry);
        CHECK(empty_entry.error().message.find("syn.tsv:1:") == 0);
        auto missing = search::SynonymTable::load("/nonexistent/synonyms.tsv");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().message.find("/nonexistent/synonyms.tsv") != std::string::npos);
    }

    TEST_CASE("synonyms: the shipped file parses and holds the issue's groups") {
        auto table =
            search::SynonymTable::load(std::string(GAZETTE_SOURCE_DIR) + "/corpus/synonyms.tsv");
        REQUIRE(table);
        CHECK_FALSE(table->alternatives({"withdraw"}).empty());
        CHECK_FALSE(table->alternatives({"pull", "back"}).empty());
        CHECK_FALSE(table->alternatives({"casualti"}).empty());
        CHECK_FALSE(table->alternatives({"soldier"}).empty());
        CHECK_FALSE(table->alternatives({"dprk"}).empty());
        CHECK_FALSE(table->alternatives({"north", "korea"}).empty());
    }

    TEST_CASE("synonyms: the expander makes one OP_SYNONYM of what occurs in the database") {
        const auto db = one_report({"Zretreat",
                                    "Zdefens",
                                    "Zdefenc",
                                    "pulled",
                                    "back",
                                    "front",
                                    "line",
                                    "Zfrontlin",
                                    "kick",
                                    "ing",
                                    "Zkick"});
        auto table = parse("withdrawal\tpull back\tretreat\n");
        REQUIRE(table);
        search::SynonymExpander expander(*table, db, text::thread_analyzer());
        search::Highlight highlight;
        CHECK(expander.word("withdrawal", highlight).get_description() ==
              "Query((Zwithdraw SYNONYM (pulled PHRASE 2 back) SYNONYM Zretreat))");
        CHECK(highlight.stems.count("retreat") == 1);
        CHECK(highlight.words.count("pulled") == 1);
        // Spelling variants only when the database has them.
        CHECK(expander.word("defence", highlight).get_description() ==
              "Query((Zdefenc SYNONYM Zdefens))");
        CHECK(expander.word("organisation", highlight).get_description() == "Query(Zorganis)");
        // A solid compound also matches its words apart.
        CHECK(expander.word("frontline", highlight).get_description() ==
              "Query((Zfrontlin SYNONYM (front PHRASE 2 line)))");
        // A word and a suffix are no compound, even when the suffix occurs alone ("kick-ing").
        search::Highlight kicking;
        CHECK(expander.word("kicking", kicking).get_description() == "Query(Zkick)");
        CHECK(kicking.words.count("ing") == 0);
        auto match = expander.phrase_at({"pull", "back", "now"}, 0, highlight);
        REQUIRE(match);
        CHECK(match->words == 2);
        CHECK_FALSE(expander.phrase_at({"back", "now"}, 0, highlight));
    }

    TEST_CASE("synonyms: a listed phrase holding another is not checked as well") {
        const auto db = one_report({"united", "states", "of", "america", "Zus"});
        auto table = parse("united states\tUS\tunited states of america\n");
        REQUIRE(table);
        search::SynonymExpander expander(*table, db, text::thread_analyzer());
        search::Highlight highlight;
        auto match = expander.phrase_at({"united", "states"}, 0, highlight);
        REQUIRE(match);
        // Every report with "united states of america" has "united states": only the cost of
        // reading the positions of "of" would be added.
        CHECK(match->query.get_description() == "Query(((united PHRASE 2 states) SYNONYM Zus))");
        CHECK(highlight.words.count("america") == 1);  // still highlighted
    }
}
