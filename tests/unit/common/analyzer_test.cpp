#include "common/text/analyzer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using gazette::text::Analyzer;
using gazette::text::fold;
using gazette::text::fold_key;

namespace {

std::vector<std::string> terms(std::string_view text) {
    Analyzer analyzer;
    std::vector<std::string> out;
    for (const auto& t : analyzer.tokenize(text)) {
        out.push_back(t.term);
    }
    return out;
}

}  // namespace

TEST_SUITE("common") {
    TEST_CASE("analyzer: folds case, diacritics, NFKC, quotes and dashes") {
        CHECK(fold("Zelenskyy’s CAFÉ") == "zelenskyy's cafe");
        CHECK(fold("Łódź") == "lodz");
        CHECK(fold("ﬁnal") == "final");        // NFKC ligature
        CHECK(fold("Ｋｕｒｓｋ") == "kursk");  // NFKC full width
        CHECK(fold("“Puls” – commander") == "\"puls\" - commander");
        CHECK(fold("Straße") == "strasse");  // full case folding
        CHECK(fold("Курськ") == "курськ");   // Cyrillic kept, lower-cased
    }

    TEST_CASE("analyzer: fold_key makes one key of an outlet's spellings") {
        CHECK(fold_key("Kyiv Post") == "kyiv post");
        CHECK(fold_key("  KYIV   post ") == "kyiv post");
        CHECK(fold_key("Kyiv-Post") == "kyiv post");
        CHECK(fold_key("Fox Online News") != fold_key("Fox News"));
    }

    TEST_CASE("analyzer: words with byte offsets into the original text") {
        Analyzer analyzer;
        const std::string text = "the call sign “Puls” told";
        const auto tokens = analyzer.tokenize(text);
        REQUIRE(tokens.size() == 5);
        CHECK(tokens[3].term == "puls");
        CHECK(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == "Puls");
        for (const auto& t : tokens) {
            CAPTURE(t.term);
            CHECK(fold(text.substr(t.begin, t.end - t.begin)) == t.term);
        }
    }

    TEST_CASE("analyzer: possessives, numbers, hyphens and acronyms") {
        CHECK(terms("Ukraine’s forces") == std::vector<std::string>{"ukraine", "forces"});
        CHECK(terms("Puls’ commandos") == std::vector<std::string>{"puls", "commandos"});
        CHECK(terms("11,000 troops") == std::vector<std::string>{"11000", "troops"});
        CHECK(terms("human-wave attacks") == std::vector<std::string>{"human", "wave", "attacks"});
        CHECK(terms("U.S. officials") == std::vector<std::string>{"us", "officials"});
        CHECK(terms("aged 25-40") == std::vector<std::string>{"aged", "25", "40"});
        CHECK(terms("— , . !").empty());
    }

    TEST_CASE("analyzer: English stems") {
        Analyzer analyzer;
        CHECK(analyzer.stem("withdrawal") == analyzer.stem("withdrawals"));
        CHECK(analyzer.stem("casualties") == analyzer.stem("casualty"));
        CHECK(analyzer.stem("troops") == "troop");
        CHECK(analyzer.stem("2025") == "2025");
    }

    TEST_CASE("analyzer: stopwords") {
        CHECK(Analyzer::is_stopword("the"));
        CHECK(Analyzer::is_stopword("and"));
        CHECK_FALSE(Analyzer::is_stopword("puls"));
    }
}
