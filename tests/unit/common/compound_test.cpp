#include "common/text/compound.hpp"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("common") {
    TEST_CASE("compound: hyphens join words into one compound, other marks do not") {
        CHECK(text::is_compound_joint("-"));
        CHECK(text::is_compound_joint("\xE2\x80\x90"));  // U+2010 HYPHEN
        CHECK_FALSE(text::is_compound_joint(" "));
        CHECK_FALSE(text::is_compound_joint(" - "));
        CHECK_FALSE(text::is_compound_joint("\xE2\x80\x93"));  // an en dash is a range
        CHECK_FALSE(text::is_compound_joint("/"));
    }

    TEST_CASE("compound: the parts of a compound joined into one word") {
        CHECK(text::join_compound({"human", "wave"}) == "humanwave");
        CHECK(text::join_compound({"front", "line"}) == "frontline");
        CHECK(text::join_compound({"zelenskyy", "s"}) == "zelenskyys");
        CHECK(text::join_compound({"human"}).empty());
        CHECK(text::join_compound({"f", "16"}).empty());  // numbers stay apart
        CHECK(text::join_compound({"a", "b", "c", "d", "e"}).empty());
    }
}
