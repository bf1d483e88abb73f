#include "common/text/analyzer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
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

namespace {

std::vector<gazette::text::Token> tokens_of(std::string_view text, bool icu_only) {
    Analyzer analyzer;
    std::vector<gazette::text::Token> out;
    const auto collect = [&](const gazette::text::Token& t) { out.push_back(t); };
    if (icu_only) {
        analyzer.for_each_token_icu(text, collect);
    } else {
        analyzer.for_each_token(text, collect);
    }
    return out;
}

bool same_tokens(std::string_view text) {
    const auto fast = tokens_of(text, false);
    const auto icu = tokens_of(text, true);
    if (fast.size() != icu.size()) {
        return false;
    }
    for (std::size_t i = 0; i < fast.size(); ++i) {
        if (fast[i].term != icu[i].term || fast[i].begin != icu[i].begin ||
            fast[i].end != icu[i].end) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_SUITE("common") {
    TEST_CASE("analyzer: the fast word path finds exactly ICU's words") {
        // Random text over the characters the fast path classifies, and some it leaves to ICU.
        const std::vector<std::string> alphabet = {
            "a", "Z",  "q",  "7", "0",      ".", ",", ";", ":", "'",      "_", "@",  "-", " ",
            " ", "\t", "\n", "!", "\"",     "#", "(", ")", "/", "?",      "&", "’",  "‘", "“",
            "”", "—",  "–",  "…", "\u00a0", "«", "»", "é", "·", "\u00ad", "Ж", "\r", "£", "½"};
        std::mt19937 rng(20250131);
        for (int round = 0; round < 3000; ++round) {
            std::string text;
            const int length = 1 + static_cast<int>(rng() % 24);
            for (int i = 0; i < length; ++i) {
                text += alphabet[rng() % alphabet.size()];
            }
            CAPTURE(text);
            REQUIRE(same_tokens(text));
        }
    }

    TEST_CASE("analyzer: the fast word path on real report text") {
        for (const char* text : {"The U.S. sent 1,000.5 tons; it's the '90s, isn’t it?",
                                 "a_b @handle __init__ x@y.com 3'4 a;b 1;2 a.1 1.a",
                                 "“Puls” told Sky News – 12,000-strong… 25-40 years"}) {
            CAPTURE(text);
            CHECK(same_tokens(text));
        }
    }
}
