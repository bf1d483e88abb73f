#include "indexer/text_decoding.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace gazette;
using namespace gazette::indexer;

namespace {

struct Decoded {
    std::optional<std::string> text;
    std::vector<InputProblem> problems;
};

Decoded decode(const std::string& bytes, ByteOrigin origin = {"f.txt", 0, 0}) {
    Decoded out;
    out.text = decode_text(bytes, origin, out.problems);
    return out;
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("text_decoding: UTF-8 passes untouched and silently") {
        const auto d = decode("Kyiv \xE2\x80\x9CPuls\xE2\x80\x9D Zelens\xCA\xB9kyi");
        REQUIRE(d.text);
        CHECK(*d.text == "Kyiv \xE2\x80\x9CPuls\xE2\x80\x9D Zelens\xCA\xB9kyi");
        CHECK(d.problems.empty());
    }

    TEST_CASE("text_decoding: a stray bad byte in UTF-8 is replaced, naming its offset") {
        const auto d = decode("Caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \xFF and na\xC3\xAFve");
        REQUIRE(d.text);
        CHECK(*d.text == "Caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \xEF\xBF\xBD and na\xC3\xAFve");
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].message == "invalid UTF-8 at byte offset 12");
        CHECK(d.problems[0].action == "1 bad byte replaced with U+FFFD");
    }

    TEST_CASE("text_decoding: Latin-1 and Windows-1252 are detected and converted") {
        const auto latin = decode("Caf\xE9 au lait in Kyiv, na\xEFve r\xE9sum\xE9.");
        REQUIRE(latin.text);
        CHECK(*latin.text == "Caf\xC3\xA9 au lait in Kyiv, na\xC3\xAFve r\xC3\xA9sum\xC3\xA9.");
        REQUIRE(latin.problems.size() == 1);
        CHECK(latin.problems[0].to_string() ==
              "f.txt: not UTF-8 (first bad byte at offset 3); read as Windows-1252; save it as "
              "UTF-8 to silence this");

        const auto cp1252 = decode("He said \x93hello\x94 \x96 and left the caf\xE9 at 9.");
        REQUIRE(cp1252.text);
        CHECK(*cp1252.text ==
              "He said \xE2\x80\x9Chello\xE2\x80\x9D \xE2\x80\x93 and left the caf\xC3\xA9 at 9.");
    }

    TEST_CASE("text_decoding: Cyrillic in Windows-1251 is detected, not read as Latin") {
        // "Привіт, це український текст про війну." in Windows-1251.
        const std::string cp1251 =
            "\xCF\xF0\xE8\xE2\xB3\xF2, \xF6\xE5 \xF3\xEA\xF0\xE0\xBF\xED\xF1\xFC\xEA\xE8\xE9 "
            "\xF2\xE5\xEA\xF1\xF2 \xEF\xF0\xEE \xE2\xB3\xE9\xED\xF3.";
        const auto d = decode(cp1251);
        REQUIRE(d.text);
        CHECK(d.text->starts_with("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD1\x96\xD1\x82"));  // Привіт
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].action.starts_with("read as Windows-1251"));
    }

    TEST_CASE("text_decoding: UTF-16 with a byte-order mark is converted") {
        const std::string utf16le("\xFF\xFEK\0y\0i\0v\0", 10);
        const auto d = decode(utf16le);
        REQUIRE(d.text);
        CHECK(*d.text == "Kyiv");
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].message == "UTF-16LE text");
    }

    TEST_CASE("text_decoding: NUL bytes and control bytes are binary, refused with the offset") {
        const auto nul = decode(std::string("text\0more", 9));
        CHECK_FALSE(nul.text);
        REQUIRE(nul.problems.size() == 1);
        CHECK(nul.problems[0].to_string() ==
              "f.txt: binary data (NUL byte at offset 4); file skipped");

        std::string noisy = "start";
        for (int i = 0; i < 40; ++i) {
            noisy += "\x01\x02\x03 ";
        }
        const auto controls = decode(noisy);
        CHECK_FALSE(controls.text);
        CHECK(controls.problems[0].message.find("control bytes, the first at offset 5") !=
              std::string::npos);

        const auto form_feed = decode("Page one.\fPage two.");
        CHECK(form_feed.text);
        CHECK(form_feed.problems.empty());
    }

    TEST_CASE("text_decoding: a feed line's problem names its line and file offset") {
        const auto bad = decode("{\"text\": \"caf\xE9\"}", {"feed.jsonl", 7, 1000});
        REQUIRE(bad.text);
        REQUIRE(bad.problems.size() == 1);
        CHECK(bad.problems[0].to_string() ==
              "feed.jsonl:7: not UTF-8 (first bad byte at offset 1013); read as Windows-1252; "
              "save it as UTF-8 to silence this");
        const auto nul = decode(std::string("{\0}", 3), {"feed.jsonl", 2, 50});
        CHECK_FALSE(nul.text);
        CHECK(nul.problems[0].to_string() ==
              "feed.jsonl:2: binary data (NUL byte at offset 51); line skipped");
    }
}
