#include "searcher/query/query_parser.hpp"

#include "searcher/query_binder.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string sexpr(std::string_view q) {
    auto tree = query::parse(q, search::field_role);
    return tree ? query::to_sexpr(*tree) : "error: " + tree.error().message;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("query_parser: golden trees") {
        struct Case {
            const char* query;
            const char* tree;
        };
        const Case cases[] = {
            {"Puls withdrawal", "(or (word Puls) (word withdrawal))"},
            {"Puls", "(word Puls)"},
            {"\"human waves\"", "(phrase \"human waves\")"},
            {"“human waves”", "(phrase \"human waves\")"},
            {"=Puls", "(exact Puls)"},
            {"+Puls withdrawal", "(and-maybe (word Puls) (word withdrawal))"},
            {"Puls -Syrsky", "(and-not (word Puls) (word Syrsky))"},
            {"a AND b", "(and (word a) (word b))"},
            {"a b AND c", "(and (or (word a) (word b)) (word c))"},
            {"a OR b c", "(or (word a) (or (word b) (word c)))"},
            {"a NOT b", "(and-not (word a) (word b))"},
            {"a AND NOT b", "(and-not (word a) (word b))"},
            {"NOT b", "(and-not (all) (word b))"},
            {"(a OR b) AND c", "(and (or (word a) (word b)) (word c))"},
            {"a NEAR b", "(near/10 (word a) (word b))"},
            {"a NEAR/3 b", "(near/3 (word a) (word b))"},
            {"a ADJ/2 b", "(adj/2 (word a) (word b))"},
            {"NEAR/far", "(word NEAR/far)"},
            {"TCP/80", "(word TCP/80)"},
            {"outlet:\"Kyiv Post\"", "(filter (all) (field outlet \"Kyiv Post\"))"},
            {"withdrawal outlet:\"Kyiv Post\"",
             "(filter (word withdrawal) (field outlet \"Kyiv Post\"))"},
            {"x outlet:a outlet:b date:2025",
             "(filter (word x) (or (field outlet \"a\") (field outlet \"b\")) (field date "
             "\"2025\"))"},
            {"title:withdrawal", "(field title \"withdrawal\")"},
            {"-outlet:x y", "(and-not (word y) (field outlet \"x\"))"},
            {"date:2025-01..2025-02", "(filter (all) (field date \"2025-01..2025-02\"))"},
            {"https://example.org", "(word https://example.org)"},
            {"and or", "(or (word and) (word or))"},
            {"zelensk*", "(wildcard zelensk)"},
            {"Puls zelensk**", "(or (word Puls) (wildcard zelensk))"},
            {"AND*", "(wildcard AND)"},
            {"a*b", "(word a*b)"},
            {"title:zelensk*", "(field-wildcard title \"zelensk\")"},
            {"title:\"zelensk*\"", "(field title \"zelensk*\")"},
            {"", "(all)"},
            {"   ", "(all)"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.query);
            CHECK(sexpr(c.query) == c.tree);
        }
    }

    TEST_CASE("query_parser: errors say where and what to do") {
        struct Case {
            const char* query;
            const char* message;
        };
        const Case cases[] = {
            {"Puls AND", "'AND' at column 6 has nothing after it"},
            {"AND Puls", "'AND' at column 1 has nothing before it"},
            {"a OR", "'OR' at column 3 has nothing after it"},
            {"(Puls", "'(' is never closed at column 1"},
            {"Puls)", "unmatched ')' at column 5"},
            {"\"human waves", "the quote at column 1 is never closed"},
            {"outlet:", "'outlet:' at column 1 has no value"},
            {"()", "empty parentheses at column 1"},
            {"NEAR Puls", "'NEAR' at column 1 has nothing before it"},
            {"Puls NEAR/0 Syrsky", "'NEAR/0' at column 6 has no usable distance"},
            {"Puls ADJ/99999999999 Syrsky", "'ADJ/99999999999' at column 6 has no usable distance"},
            {"Puls NEAR/5", "'NEAR' at column 6 has nothing after it"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.query);
            auto tree = query::parse(c.query, search::field_role);
            REQUIRE_FALSE(tree);
            CHECK(tree.error().code == ErrorCode::Query);
            CHECK(tree.error().message == c.message);
            CHECK_FALSE(tree.error().hint.empty());
        }
    }

    TEST_CASE("query_parser: deep nesting is refused, not a crash") {
        const std::string deep = std::string(200, '(') + "a" + std::string(200, ')');
        auto tree = query::parse(deep, search::field_role);
        REQUIRE_FALSE(tree);
        CHECK(tree.error().message.find("nested too deeply") != std::string::npos);
    }

    TEST_CASE("query_binder: terms come from the shared analyser") {
        text::Analyzer analyzer;
        const auto bound_of = [&](const char* q) {
            auto tree = query::parse(q, search::field_role);
            REQUIRE(tree);
            auto bound = search::bind(*tree, analyzer);
            REQUIRE(bound);
            return *bound;
        };
        CHECK(bound_of("Withdrawals").query.get_description() == "Query(Zwithdraw)");
        CHECK(bound_of("=Withdrawals").query.get_description() == "Query(withdrawals)");
        CHECK(bound_of("Ukraine’s").query.get_description() == "Query(Zukrain)");
        CHECK(bound_of("outlet:\"Kyiv Post\"").query.get_description() ==
              "Query((<alldocuments> FILTER XOkyiv post))");
        CHECK(bound_of("outlet:KYIV-POST").query.get_description() ==
              "Query((<alldocuments> FILTER XOkyiv post))");
        // A quoted phrase is its words as written, or the same words as one compound (issue 5).
        CHECK(bound_of("\"human waves\"").query.get_description() ==
              "Query(((human PHRASE 2 waves) SYNONYM Zhumanwav))");
        // An unquoted hyphenated word ranks its words, and the compound adds a little.
        CHECK(bound_of("human-wave").query.get_description() ==
              "Query((Zhuman OR Zwave OR 0.25 * ((human PHRASE 2 wave) SYNONYM Zhumanwav)))");
        CHECK(bound_of("=human-wave").query.get_description() == "Query((human PHRASE 2 wave))");
        CHECK(bound_of("covid-19").query.get_description() ==
              "Query((Zcovid OR Z19 OR 0.25 * (covid PHRASE 2 19)))");
        CHECK(bound_of("title:Withdrawal").query.get_description() == "Query(ZSwithdraw)");
        CHECK(bound_of("the withdrawal").query.get_description() == "Query(Zwithdraw)");
        CHECK(bound_of("the").query.get_description() == "Query(Zthe)");
        // Without a database a wildcard is Xapian's; beside NEAR and ADJ, which take only terms
        // (an OP_WILDCARD there throws), the word start stands for itself.
        CHECK(bound_of("Zelensk*").query.get_description() == "Query(WILDCARD SYNONYM zelensk)");
        CHECK(bound_of("volodymyr ADJ/1 zelensk*").query.get_description() ==
              "Query((volodymyr PHRASE 2 zelensk))");
        CHECK(bound_of("@ ADJ/28 uA'rootuu* x").query.get_description() ==
              "Query(((@ PHRASE 29 ua'rootuu) OR Zx))");
        const auto highlight = bound_of("Puls \"human waves\"").highlight;
        CHECK(highlight.stems.count("pul") == 1);
        CHECK(highlight.words.count("waves") == 1);
    }

    TEST_CASE("query_binder: date ranges of years, months and days") {
        text::Analyzer analyzer;
        const auto description = [&](const char* q) {
            auto tree = query::parse(q, search::field_role);
            REQUIRE(tree);
            auto bound = search::bind(*tree, analyzer);
            return bound ? bound->query.get_description() : "error: " + bound.error().message;
        };
        // A bounded span: the whole years, months and days it covers, as boolean terms.
        CHECK(description("date:2025-01..2025-02") ==
              "Query((<alldocuments> FILTER (M202501 OR M202502)))");
        CHECK(description("date:2025") == "Query((<alldocuments> FILTER Y2025))");
        CHECK(description("date:2024-12-30..2026-02-01") ==
              "Query((<alldocuments> FILTER (D20241230 OR D20241231 OR Y2025 OR M202601 OR "
              "D20260201)))");
        // Too many pieces (a day short of ten years at each end): a value range.
        CHECK(description("date:2000-01-02..2010-12-30") ==
              "Query((<alldocuments> FILTER VALUE_RANGE 0 20000102 20101230))");
        CHECK(description("date:2025-01-27..") ==
              "Query((<alldocuments> FILTER VALUE_GE 0 20250127))");
        CHECK(description("date:..2025-01") ==
              "Query((<alldocuments> FILTER VALUE_LE 0 20250131))");
        CHECK(description("date:2025-13").rfind("error: bad date '2025-13'", 0) == 0);
    }
}
