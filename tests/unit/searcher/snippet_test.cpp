#include "searcher/snippet.hpp"

#include <doctest/doctest.h>

using namespace gazette;
using namespace gazette::search;

TEST_SUITE("searcher") {
    TEST_CASE("snippet: marks every matching word, stems included") {
        text::Analyzer analyzer;
        Highlight h;
        h.stems = {analyzer.stem("withdrawal"), "pul"};
        const auto s = make_snippet(
            "Puls said the withdrawals were real. Withdrawal <now>.", h, analyzer, 500);
        CHECK(s.html() ==
              "<mark>Puls</mark> said the <mark>withdrawals</mark> were real. "
              "<mark>Withdrawal</mark> &lt;now&gt;.");
        CHECK(s.terminal("[", "]") ==
              "[Puls] said the [withdrawals] were real. [Withdrawal] <now>.");
        CHECK(s.plain() == "Puls said the withdrawals were real. Withdrawal <now>.");
    }

    TEST_CASE("snippet: escapes HTML in the text around marks") {
        text::Analyzer analyzer;
        Highlight h;
        h.words = {"script"};
        const auto s = make_snippet("<script>alert(\"x\")</script> & more", h, analyzer, 500);
        CHECK(s.html().find("<script>") == std::string::npos);
        CHECK(s.html().find("&lt;<mark>script</mark>&gt;") != std::string::npos);
        CHECK(s.html().find("&amp; more") != std::string::npos);
    }

    TEST_CASE("snippet: picks the passage with the most distinct matches") {
        text::Analyzer analyzer;
        Highlight h;
        h.stems = {"kursk", analyzer.stem("withdrawal")};
        std::string text = "Kursk is a region. ";
        for (int i = 0; i < 30; ++i) {
            text += "Filler words about nothing in particular. ";
        }
        text += "The withdrawal from Kursk was reported. ";
        for (int i = 0; i < 30; ++i) {
            text += "More filler text here. ";
        }
        const auto s = make_snippet(text, h, analyzer, 120);
        CHECK(s.cut_before);
        CHECK(s.cut_after);
        CHECK(s.html().find("<mark>withdrawal</mark> from <mark>Kursk</mark>") !=
              std::string::npos);
        CHECK(s.plain().size() <= 140);
    }

    TEST_CASE("snippet: no match gives the start of the text, newlines as spaces") {
        text::Analyzer analyzer;
        const auto s = make_snippet("First line.\nSecond line.", Highlight{}, analyzer, 500);
        CHECK(s.plain() == "First line. Second line.");
        CHECK_FALSE(s.cut_before);
    }

    TEST_CASE("snippet: curly quotes and possessives still match") {
        text::Analyzer analyzer;
        Highlight h;
        h.stems = {"pul", "ukrain"};
        const auto s = make_snippet("the call sign “Puls” of Ukraine’s SSO", h, analyzer, 500);
        CHECK(s.html() == "the call sign “<mark>Puls</mark>” of <mark>Ukraine’s</mark> SSO");
    }
}
