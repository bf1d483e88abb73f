// The most used stemmed body words a report keeps for feedback: which words, in what order, and
// that the value reads back as it was written.
#include "common/body_stems.hpp"

#include "common/schema.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace gazette;

namespace {

std::string stem(const std::string& word) {
    return std::string(schema::prefix::kStemmed) + word;
}

std::vector<std::pair<std::string, Xapian::termcount>> decoded(const std::string& value) {
    std::vector<std::pair<std::string, Xapian::termcount>> out;
    CHECK(body_stems::for_each(value, [&](std::string_view term, Xapian::termcount wdf) {
        out.emplace_back(std::string(term), wdf);
    }));
    return out;
}

}  // namespace

TEST_SUITE("common") {
    TEST_CASE("body stems: the body's stems, most used first, without function or title words") {
        Xapian::Document doc;
        doc.add_term(stem("ceasefir"), 3);
        doc.add_term(stem("truce"), 7);
        doc.add_term(stem("brigad"), 3);
        doc.add_term(stem("the"), 40);       // a function word
        doc.add_term(stem("Sceasefir"), 1);  // a stemmed title word (ZS)
        doc.add_term("ceasefire", 3);        // an unstemmed word
        doc.add_term("XPkovalenko", 1);      // an entity
        const auto stems = decoded(body_stems::encode(doc));
        const std::vector<std::pair<std::string, Xapian::termcount>> expected = {
            {stem("truce"), 7}, {stem("brigad"), 3}, {stem("ceasefir"), 3}};
        CHECK(stems == expected);  // equal counts in term order
    }

    TEST_CASE("body stems: only the most used are kept, and large counts read back") {
        Xapian::Document doc;
        for (std::size_t i = 0; i < body_stems::kKept + 10; ++i) {
            doc.add_term(stem("word" + std::to_string(1000 + i)), 1);
        }
        doc.add_term(stem("often"), 100000);  // a count of three varint bytes
        const auto stems = decoded(body_stems::encode(doc));
        REQUIRE(stems.size() == body_stems::kKept);
        CHECK(stems.front() == std::make_pair(stem("often"), Xapian::termcount{100000}));
        CHECK(stems.back().first == stem("word" + std::to_string(1000 + body_stems::kKept - 2)));
    }

    TEST_CASE("body stems: a report without stems keeps nothing, and a cut value is refused") {
        Xapian::Document empty;
        empty.add_term("XPkovalenko");
        CHECK(body_stems::encode(empty).empty());
        Xapian::Document doc;
        doc.add_term(stem("truce"), 300);
        const std::string value = body_stems::encode(doc);
        int seen = 0;
        const auto count = [&](std::string_view, Xapian::termcount) { ++seen; };
        CHECK(body_stems::for_each(value, count));
        CHECK(seen == 1);
        seen = 0;
        CHECK_FALSE(body_stems::for_each(value.substr(0, value.size() - 1), count));
        CHECK_FALSE(body_stems::for_each(value.substr(0, 3), count));
        CHECK(seen == 0);
    }

    TEST_CASE("body stems: which terms are body stems") {
        CHECK(body_stems::is_body_stem("Zwithdraw"));
        CHECK_FALSE(body_stems::is_body_stem("ZSwithdraw"));
        CHECK_FALSE(body_stems::is_body_stem("Zthe"));
        CHECK_FALSE(body_stems::is_body_stem("withdraw"));
        CHECK_FALSE(body_stems::is_body_stem("Za"));
    }
}
