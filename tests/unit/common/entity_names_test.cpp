#include "common/entity_names.hpp"

#include "common/alias_table.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace gazette;
using entities::entity_key;

TEST_SUITE("common") {
    TEST_CASE("entity_key: transliterations of one name share a key") {
        CHECK(entity_key("Syrsky") == entity_key("Syrskyi"));
        CHECK(entity_key("Syrskiy") == entity_key("Syrskyy"));
        CHECK(entity_key("Oleksandr Syrsky") == entity_key("Oleksandr Syrskyi"));
        CHECK(entity_key("Zelensky") == entity_key("Zelenskyy"));
        CHECK(entity_key("Zelenski") == entity_key("Zelenskiy"));
        CHECK(entity_key("Dmitry") == entity_key("Dmitrii"));
        CHECK(entity_key("Kyyiv") == entity_key("Kyiv"));
        // Cyrillic is romanised first.
        CHECK(entity_key("Зеленський") == entity_key("Zelensky"));
        CHECK(entity_key("Сирський") == entity_key("Syrskyi"));
        CHECK(entity_key("Курськ") == entity_key("Kursk"));
        // Different names stay different.
        CHECK(entity_key("Syrsky") != entity_key("Sirsky"));
        CHECK(entity_key("Kursk") != entity_key("Kyiv"));
    }

    TEST_CASE("entity_key: hyphens, case, diacritics, a leading article and possessives") {
        CHECK(entity_key("Kim Jong-un") == entity_key("Kim Jong Un"));
        CHECK(entity_key("KIM JONG UN") == "kim jong un");
        CHECK(entity_key("The New York Times") == entity_key("New York Times"));
        CHECK(entity_key("the Kremlin") == "kremlin");
        CHECK(entity_key("Ukraine’s") == "ukraine");
        CHECK(entity_key("Kurs'k") == "kursk");
        CHECK(entity_key("Zelenskyy’s Café") == entity_key("zelensky cafe"));
        CHECK(entity_key("The") == "the");
        CHECK(entity_key("...").empty());
    }

    TEST_CASE("transliteration_variants: the other spellings of a word, none for other words") {
        const auto variants = entities::transliteration_variants("syrsky");
        for (const char* v : {"syrskyi", "syrskyy", "syrskiy", "syrskii", "syrski"}) {
            CHECK(std::find(variants.begin(), variants.end(), v) != variants.end());
        }
        CHECK(std::find(variants.begin(), variants.end(), "syrsky") == variants.end());
        const auto dmitriy = entities::transliteration_variants("dmitriy");
        CHECK(std::find(dmitriy.begin(), dmitriy.end(), "dmitry") != dmitriy.end());
        CHECK(entities::transliteration_variants("troops").empty());
        CHECK(entities::transliteration_variants("army").empty());
        CHECK(entities::transliteration_variants("sky").empty());
    }

    TEST_CASE("AliasTable: names, types and aliases, any spelling resolves to the entry") {
        auto table = entities::AliasTable::parse(
            "# comment\n"
            "\n"
            "Oleksandr Syrskyi\tperson\tSyrsky|Сирський\n"
            "North Korea\tplace\tDPRK | Democratic People's Republic of Korea\n"
            "The New York Times\torg\tNYT\n"
            "Ctrl\tnone\n",
            "test.tsv");
        REQUIRE(table);
        REQUIRE(table->entries().size() == 4);
        const auto* syrsky = table->resolve("Syrskiy");  // a rule spelling of an alias
        REQUIRE(syrsky != nullptr);
        CHECK(syrsky->name == "Oleksandr Syrskyi");
        CHECK(syrsky->type == EntityType::Person);
        CHECK(table->resolve("oleksandr syrsky") == syrsky);
        CHECK(table->resolve("Сирський") == syrsky);
        REQUIRE(table->resolve("dprk") != nullptr);
        CHECK(table->resolve("dprk")->name == "North Korea");
        CHECK(table->resolve("New York Times")->name == "The New York Times");
        REQUIRE(table->resolve("Ctrl") != nullptr);
        CHECK_FALSE(table->resolve("Ctrl")->type.has_value());
        CHECK(table->resolve("Kovalenko") == nullptr);
    }

    TEST_CASE("AliasTable: a short spelling resolves only as written (US, not us)") {
        auto table = entities::AliasTable::parse(
            "United States\tplace\tUS|U.S.|USA\nSpecial Operations Forces\torg\tSSO\n"
            "Oleksandr Syrskyi\tperson\tSyrsky\n",
            "g.tsv");
        REQUIRE(table);
        // resolve() folds case for every spelling; resolve_as_written() not for short ones.
        CHECK(table->resolve("us") != nullptr);
        CHECK(table->resolve_as_written("us") == nullptr);
        CHECK(table->resolve_as_written("Us") == nullptr);
        REQUIRE(table->resolve_as_written("US") != nullptr);
        CHECK(table->resolve_as_written("US")->name == "United States");
        CHECK(table->resolve_as_written("U.S.") != nullptr);
        CHECK(table->resolve_as_written("sso") == nullptr);
        CHECK(table->resolve_as_written("SSO") != nullptr);
        // Longer spellings fold as before.
        CHECK(table->resolve_as_written("united states") != nullptr);
        CHECK(table->resolve_as_written("SYRSKIY") != nullptr);
        CHECK(entities::is_as_written_key("us"));
        CHECK_FALSE(entities::is_as_written_key("kyiv"));
    }

    TEST_CASE("AliasTable: a bad line is an error naming the file and line") {
        auto no_type = entities::AliasTable::parse("Kursk\n", "g.tsv");
        REQUIRE_FALSE(no_type);
        CHECK(no_type.error().message.find("g.tsv:1") != std::string::npos);
        CHECK(no_type.error().code == ErrorCode::Usage);

        auto bad_type = entities::AliasTable::parse("# x\nKursk\tcity\n", "g.tsv");
        REQUIRE_FALSE(bad_type);
        CHECK(bad_type.error().message.find("g.tsv:2: unknown type 'city'") != std::string::npos);

        auto twice = entities::AliasTable::parse(
            "Oleksandr Syrskyi\tperson\tSyrsky\nSyrskyi\tperson\n", "g.tsv");
        REQUIRE_FALSE(twice);
        CHECK(twice.error().message.find("g.tsv:2") != std::string::npos);
        CHECK(twice.error().message.find("Oleksandr Syrskyi") != std::string::npos);

        auto missing = entities::AliasTable::load("/nonexistent/entities.tsv");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().message.find("/nonexistent/entities.tsv") != std::string::npos);
    }

    TEST_CASE("AliasTable: the fingerprint changes with the content") {
        auto a = entities::AliasTable::parse("Kursk\tplace\n", "a");
        auto b = entities::AliasTable::parse("Kursk\tplace\tKursk Oblast\n", "b");
        auto c = entities::AliasTable::parse("Kursk\tplace\n", "c");
        REQUIRE((a && b && c));
        CHECK(a->fingerprint() != b->fingerprint());
        CHECK(a->fingerprint() == c->fingerprint());
    }

    TEST_CASE("AliasTable: the shipped gazetteer loads") {
        auto table =
            entities::AliasTable::load(std::string(GAZETTE_SOURCE_DIR) + "/corpus/entities.tsv");
        REQUIRE(table);
        CHECK(table->resolve("Syrsky")->name == table->resolve("Syrskyi")->name);
        CHECK(table->resolve("SSO")->name == table->resolve("SOF")->name);
        CHECK(table->resolve("Kim Jong-un")->name == "Kim Jong Un");
    }
}
