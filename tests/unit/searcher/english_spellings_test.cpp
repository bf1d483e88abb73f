#include "searcher/english_spellings.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace gazette;

namespace {

bool has(const std::vector<std::string>& variants, const std::string& word) {
    return std::find(variants.begin(), variants.end(), word) != variants.end();
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("english_spellings: British and American forms, both ways, by rule") {
        struct Case {
            const char* word;
            const char* variant;
        };
        const Case cases[] = {
            {"defence", "defense"},
            {"defense", "defence"},
            {"offences", "offenses"},
            {"defenceless", "defenseless"},
            {"organisation", "organization"},
            {"organization", "organisation"},
            {"organise", "organize"},
            {"realising", "realizing"},
            {"privatised", "privatized"},
            {"analyse", "analyze"},
            {"paralyzed", "paralysed"},
            {"armour", "armor"},
            {"armoured", "armored"},
            {"armored", "armoured"},
            {"colourful", "colorful"},
            {"behavioural", "behavioral"},
            {"neighbourhood", "neighborhood"},
            {"favourite", "favorite"},
            {"honor", "honour"},
            {"centre", "center"},
            {"centres", "centers"},
            {"kilometres", "kilometers"},
            {"theater", "theatre"},
            {"epicentre", "epicenter"},
            {"travelled", "traveled"},
            {"traveling", "travelling"},
            {"cancelled", "canceled"},
            {"counsellor", "counselor"},
            {"fuelled", "fueled"},
            {"marvellous", "marvelous"},
            {"catalogue", "catalog"},
            {"dialogues", "dialogs"},
            {"judgement", "judgment"},
            {"enrolment", "enrollment"},
            {"haemorrhage", "hemorrhage"},
            {"paediatric", "pediatric"},
            {"licence", "license"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.word);
            CHECK(has(search::spelling_variants(c.word), c.variant));
        }
    }

    TEST_CASE("english_spellings: words the rules must leave alone") {
        struct Case {
            const char* word;
            const char* not_variant;
        };
        const Case cases[] = {
            {"floor", "flour"},
            {"poor", "pour"},
            {"four", "for"},
            {"hour", "hor"},
            {"flourish", "florish"},
            {"devour", "devor"},
            {"detour", "detor"},
            {"advise", "advize"},
            {"exercise", "exercize"},
            {"surprised", "surprized"},
            {"compromise", "compromize"},
            {"rise", "rize"},
            {"fence", "fense"},
            {"called", "caled"},
            {"installed", "instaled"},
            {"compelled", "compeled"},
            {"revealed", "reveallled"},
            {"timber", "timbre"},
            {"letter", "lettre"},
            {"enter", "entre"},
            {"blog", "blogue"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.word);
            CHECK_FALSE(has(search::spelling_variants(c.word), c.not_variant));
        }
        CHECK(search::spelling_variants("the").empty());
        CHECK(search::spelling_variants("kursk").empty());
        CHECK(search::spelling_variants("withdrawal").empty());
    }
}
