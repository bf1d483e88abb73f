#include "indexer/cleaner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using gazette::CalendarDate;
using gazette::Report;
using gazette::indexer::clean_report;
using gazette::indexer::CleanResult;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end;
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    const auto last = s.find_last_not_of(" \t\r");
    return first == std::string_view::npos ? std::string()
                                           : std::string(s.substr(first, last - first + 1));
}

/// A seed from corpus/reports: its body (after the front matter) and its front-matter title.
struct Seed {
    std::string body;
    std::string title;
};

Seed load_seed(const std::string& id) {
    const std::string text =
        read_file(std::string(GAZETTE_SOURCE_DIR) + "/corpus/reports/" + id + ".txt");
    REQUIRE(text.starts_with("---\n"));
    const auto end = text.find("\n---\n", 3);
    REQUIRE(end != std::string::npos);
    Seed seed;
    seed.body = text.substr(end + 5);
    for (const auto& line : split_lines(std::string_view(text).substr(0, end))) {
        if (line.starts_with("title: ")) {
            seed.title = line.substr(7);
            if (seed.title.size() >= 2 && seed.title.front() == '"') {
                seed.title = seed.title.substr(1, seed.title.size() - 2);
            }
        }
    }
    return seed;
}

CleanResult clean(std::string body, std::string title = {}) {
    Report report;
    report.body = std::move(body);
    report.title = std::move(title);
    return clean_report(std::move(report));
}

bool has_line(const CleanResult& result, std::string_view line) {
    const auto lines = split_lines(result.report.body);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

/// @return the rule that removed a line, or "" when it was kept.
std::string rule_of(const CleanResult& result, std::string_view line) {
    for (const auto& removed : result.removed) {
        if (removed.text == line) {
            return std::string(removed.rule);
        }
    }
    return {};
}

/// Cleans a seed and checks that exactly its chrome went and every other line stayed verbatim.
CleanResult check_seed(const std::string& id, const std::vector<std::string>& chrome) {
    const Seed seed = load_seed(id);
    const CleanResult result = clean(seed.body, seed.title);
    std::vector<std::string> removed;
    for (const auto& line : result.removed) {
        removed.push_back(line.text);
    }
    std::vector<std::string> expected = chrome;
    std::sort(removed.begin(), removed.end());
    std::sort(expected.begin(), expected.end());
    CHECK(removed == expected);
    for (const auto& line : chrome) {
        CHECK_MESSAGE(result.report.body.find(line) == std::string::npos, "still there: " << line);
    }
    for (const auto& raw : split_lines(seed.body)) {
        const std::string line = trimmed(raw);
        if (!line.empty() && std::find(chrome.begin(), chrome.end(), line) == chrome.end()) {
            CHECK_MESSAGE(has_line(result, line), "lost: " << line);
        }
    }
    CHECK(result.report.body.find("\n\n") == std::string::npos);
    CHECK(result.report.body == trimmed(result.report.body));
    return result;
}

const std::string kTelegram = "JOIN US ON TELEGRAM";
const std::string kFollow = "Follow our coverage of the war on the @Kyivpost_official.";
const std::string kCtrlEnter = "You can also highlight the text and press Ctrl + Enter";

}  // namespace

TEST_SUITE("indexer") {
    // ---------------------------------------------------------------------------------------
    // The five seeds: all their chrome goes, every article line stays.

    TEST_CASE("cleaner: seed 000 (Kyiv Post) loses CTAs and the story link") {
        const auto result = check_seed(
            "000_538164c2fa05198d",
            {kTelegram,
             kFollow,
             "Zelensky: \xE2\x80\x98Putin Fears Talks, Strong Leaders\xE2\x80\x99 as Trump Pushes "
             "for Ukraine Deal",
             kCtrlEnter});
        CHECK(rule_of(result, kTelegram) == "call-to-action");
        CHECK(rule_of(result, kCtrlEnter) == "call-to-action");
        CHECK(has_line(result,
                       "Puls assessed that, based on intercepted Russian communications, the North "
                       "Koreans are not gone for good."));
    }

    TEST_CASE("cleaner: seed 001 (Kyiv Post) loses CTAs and the story link") {
        const std::string link =
            "Australia \xE2\x80\x98Open to Consideration\xE2\x80\x99 on Troop Deployments to "
            "Ukraine";
        const auto result =
            check_seed("001_3c87959d9f703bea", {kTelegram, kFollow, link, kCtrlEnter});
        CHECK(rule_of(result, link) == "story-link");
        CHECK(has_line(result,
                       "These assessments align with previous statements from Ukrainian officials "
                       "and frontline troops."));
    }

    TEST_CASE("cleaner: seed 002 has no chrome and is kept whole") {
        const auto result = check_seed("002_9b497591670c9523", {});
        CHECK(result.report.title_derived);
        CHECK(result.report.title.starts_with("North Korean troops fighting alongside"));
    }

    TEST_CASE("cleaner: seed 003 loses its repeated headline, keeps its standfirst") {
        const std::string title =
            "North Korean Troop Withdrawal Signals Heavy Losses on Ukraine's Front Lines";
        const auto result = check_seed("003_8a8b18163b97c80c", {title, title});
        CHECK(rule_of(result, title) == "repeated-headline");
        CHECK(
            has_line(result,
                     "Ukrainian forces report a potential withdrawal of North Korean soldiers amid "
                     "high casualties."));
        CHECK(result.report.title == title);
        CHECK_FALSE(result.report.title_derived);
    }

    TEST_CASE("cleaner: seed 004 (Euromaidan Press) loses its page header") {
        const std::string caption =
            "A North Korean soldier before their attack in Kursk Oblast. Photo via Tsapliyenko "
            "from "
            "Ukrainian drone operators.";
        const auto result = check_seed(
            "004_c601d5b61a287260",
            {"date 2025-01-31 Support us on Patreon",
             "NYT: North Korean troops withdrawn from front lines after casualties mount",
             "byYuri Zoria",
             "31/01/2025",
             "2 minute read",
             caption});
        CHECK(rule_of(result, "2 minute read") == "reading-time");
        CHECK(rule_of(result, "31/01/2025") == "dateline");
        CHECK(rule_of(result, "byYuri Zoria") == "byline");
        CHECK(rule_of(result, caption) == "photo-caption");
        CHECK(has_line(result,
                       "Disorganization and lack of armored support led to severe North Korean "
                       "special forces casualties, forcing their removal from Russian combat "
                       "operations."));
        // The chrome carried the metadata the front matter was stripped of here.
        CHECK(result.report.author == "Yuri Zoria");
        REQUIRE(result.report.date.has_value());
        CHECK(result.report.date->iso() == "2025-01-31");
    }

    TEST_CASE("cleaner: seed 003 without a title takes the repeated headline as title") {
        const auto result = clean(load_seed("003_8a8b18163b97c80c").body);
        CHECK(result.report.title ==
              "North Korean Troop Withdrawal Signals Heavy Losses on Ukraine's Front Lines");
        CHECK_FALSE(result.report.title_derived);
        CHECK(result.removed.size() == 2);
    }

    // ---------------------------------------------------------------------------------------
    // Calls to action

    TEST_CASE("cleaner: calls to action from other sites go") {
        const std::vector<std::string> ctas = {
            "Sign up for our newsletter",
            "Subscribe to The Morning Brief",
            "Follow us on X @gazette_news",
            "Support independent journalism: donate today",
            "Download our app for the latest updates.",
            "CLICK HERE TO GET THE NEWS APP",
            "Advertisement",
            "Share this article",
            "If you found a typo, highlight it and press Ctrl+Enter",
            "\xC2\xA9 2025 The Daily Example. All rights reserved.",
        };
        std::string body = "The front line moved again on Monday.\n";
        for (const auto& cta : ctas) {
            body += cta + "\nOfficials confirmed the withdrawal.\n";
        }
        const auto result = clean(body);
        for (const auto& cta : ctas) {
            CHECK_MESSAGE(rule_of(result, cta) == "call-to-action", cta);
        }
        CHECK(has_line(result, "The front line moved again on Monday."));
    }

    TEST_CASE("cleaner: sentences that merely start like a call to action stay") {
        const std::vector<std::string> sentences = {
            "Support for the ceasefire fell sharply in March.",
            "Share prices in Seoul fell 3% on Monday.",
            "\xE2\x80\x9CJoin us,\xE2\x80\x9D the commander told the recruits.",
            "Follow-up talks are planned for next week.",
            "Subscribers to the channel doubled in a month, it said.",
        };
        std::string body;
        for (const auto& sentence : sentences) {
            body += sentence + "\n";
        }
        const auto result = clean(body);
        CHECK(result.removed.empty());
        for (const auto& sentence : sentences) {
            CHECK_MESSAGE(has_line(result, sentence), sentence);
        }
    }

    TEST_CASE("cleaner: a call to action glued after the last sentence is cut off") {
        const auto result = clean(
            "The ministry confirmed the figures on Monday. Subscribe to our newsletter for daily "
            "updates.\nA second paragraph.");
        CHECK(has_line(result, "The ministry confirmed the figures on Monday."));
        CHECK(rule_of(result, "Subscribe to our newsletter for daily updates.") ==
              "call-to-action");
    }

    // ---------------------------------------------------------------------------------------
    // Reading times and datelines

    TEST_CASE("cleaner: reading times go") {
        for (const std::string line : {"3 min read",
                                       "5-minute read",
                                       "Reading time: 4 minutes",
                                       "Estimated reading time 6 min"}) {
            const auto result = clean("First paragraph.\n" + line + "\nSecond paragraph.");
            CHECK_MESSAGE(rule_of(result, line) == "reading-time", line);
        }
        const auto kept = clean("The 5 minutes of silence were read out.\nIt took 3 minutes.");
        CHECK(kept.removed.empty());
    }

    TEST_CASE("cleaner: datelines go, in any common form") {
        for (const std::string line : {"January 31, 2025",
                                       "Jan. 31, 2025 10:00",
                                       "Friday, 31 January 2025",
                                       "2025-01-31",
                                       "Published: 2025-01-31",
                                       "Updated 31/01/2025 14:05 GMT",
                                       "Posted on January 31, 2025 | 3 min read"}) {
            const auto result = clean("First paragraph.\n" + line + "\nSecond paragraph.");
            CHECK_MESSAGE(rule_of(result, line) == "dateline", line);
        }
    }

    TEST_CASE("cleaner: a dateline gives the date only when the report has none") {
        auto result = clean("January 30, 2025\nTroops withdrew.");
        REQUIRE(result.report.date.has_value());
        CHECK(result.report.date->iso() == "2025-01-30");

        Report dated;
        dated.date = CalendarDate{2025, 2, 1};
        dated.body = "January 30, 2025\nTroops withdrew.";
        result = clean_report(dated);
        CHECK(result.report.date->iso() == "2025-02-01");
        CHECK(result.removed.size() == 1);

        // An update time is not the publication date; an impossible date is no date.
        CHECK_FALSE(clean("Updated 2025-01-30\nTroops withdrew.").report.date.has_value());
        CHECK_FALSE(clean("0001-11-30\nTroops withdrew.").report.date.has_value());
    }

    TEST_CASE("cleaner: sentences that start with a date stay") {
        const auto result = clean(
            "31 January 2025 was the coldest day of the winter.\n"
            "On Jan. 31, 2025 the Kremlin declined to comment.");
        CHECK(result.removed.empty());
    }

    // ---------------------------------------------------------------------------------------
    // Bylines

    TEST_CASE("cleaner: bylines go and give the author") {
        auto result = clean("By Jane Doe\nTroops withdrew.");
        CHECK(rule_of(result, "By Jane Doe") == "byline");
        CHECK(result.report.author == "Jane Doe");

        result = clean("By Jane Doe and John Smith, Reuters\nTroops withdrew.");
        CHECK(result.report.author == "Jane Doe, John Smith");

        result = clean("By Paul Wood, World Affairs Correspondent, BBC News\nTroops withdrew.");
        CHECK(result.report.author == "Paul Wood");

        result = clean("Written by Anna van der Berg | The Example Times\nTroops withdrew.");
        CHECK(result.report.author == "Anna van der Berg");

        // Names that are also months or look like days are still names.
        CHECK(clean("By June Smith\nText.").report.author == "June Smith");
        CHECK(clean("By Frida Ghitis\nText.").report.author == "Frida Ghitis");

        Report authored;
        authored.author = "Front Matter Author";
        authored.body = "byYuri Zoria\nTroops withdrew.";
        result = clean_report(authored);
        CHECK(result.report.author == "Front Matter Author");
        CHECK(result.removed.size() == 1);
    }

    TEST_CASE("cleaner: lines that start with 'by' but are not bylines stay") {
        const auto result = clean(
            "By Tuesday, the troops had withdrawn.\n"
            "By the end of the week the front had moved.\n"
            "Byzantine rules slowed the inquiry.");
        CHECK(result.removed.empty());
        CHECK(result.report.author.empty());
        // A columnist's name in capitals opening a headline is no "by" byline.
        CHECK(rule_of(clean("BYRON YORK: WHY VOTERS MIGHT NOT RETURN\nText."),
                      "BYRON YORK: WHY VOTERS MIGHT NOT RETURN") != "byline");
    }

    // ---------------------------------------------------------------------------------------
    // Photo captions

    TEST_CASE("cleaner: photo captions and credits go") {
        for (const std::string line :
             {"Photo: AP",
              "Rescue workers at the site in Kyiv on Jan. 31. (Photo: Jane Doe/AP)",
              "Soldiers near Pokrovsk, Ukraine, January 30, 2025. REUTERS/Gleb Garanich",
              "A drone over Kursk Oblast. Photo via the 1st Battalion.",
              "Volodymyr Zelensky in Kyiv. Getty Images",
              "The ruins of the school. Credit: Ukrainian Emergency Service"}) {
            const auto result = clean("First paragraph.\n" + line + "\nSecond paragraph.");
            CHECK_MESSAGE(rule_of(result, line) == "photo-caption", line);
        }
    }

    TEST_CASE("cleaner: sentences that mention photos or agencies stay") {
        const auto result = clean(
            "He posted a photo via Telegram showing the damage.\n"
            "A Reuters/Ipsos poll found 40% of voters disagreed, with a margin of error of three "
            "points.\n"
            "The photo by the agency was later withdrawn.");
        CHECK(result.removed.empty());
    }

    // ---------------------------------------------------------------------------------------
    // Links to other stories, and headlines

    TEST_CASE("cleaner: a headline-case line between paragraphs is a story link") {
        const std::string link = "Ukraine Signs Minerals Deal With US After Months of Talks";
        const auto result = clean("Troops withdrew on Monday.\n" + link +
                                  "\nThe withdrawal was confirmed by officials.");
        CHECK(rule_of(result, link) == "story-link");
        CHECK(result.report.body ==
              "Troops withdrew on Monday.\nThe withdrawal was confirmed by officials.");
    }

    TEST_CASE("cleaner: labelled links go") {
        for (const std::string line : {"Read more: Kremlin denies troop withdrawal",
                                       "READ ALSO: Kremlin Denies Troop Withdrawal",
                                       "Related \xE2\x80\x93 Seoul confirms casualty figures"}) {
            const auto result = clean("First paragraph.\n" + line + "\nSecond paragraph.");
            CHECK_MESSAGE(rule_of(result, line) == "story-link", line);
        }
    }

    TEST_CASE("cleaner: short sentences, subheads and list items stay") {
        const std::string body =
            "Troops withdrew on Monday.\n"
            "The talks failed.\n"
            "The Mayor Spoke To Reporters On Monday About The Attack.\n"
            "What Comes Next\n"
            "1. Russia Moves Reserves Toward the Kursk Front\n"
            "\xE2\x80\x9CWe Will Not Leave Our Positions,\xE2\x80\x9D He Said.\n"
            "The withdrawal was confirmed by officials.";
        const auto result = clean(body);
        CHECK(result.removed.empty());
        CHECK(result.report.body == body);
    }

    TEST_CASE("cleaner: many headline-case lines are the article's subheads and stay") {
        std::string body = "Troops withdrew on Monday.\n";
        for (int i = 0; i < 5; ++i) {
            body += "The Long Road Back to the Front Line Number " + std::to_string(i + 1) +
                    "\nThe commanders described the losses in detail.\n";
        }
        CHECK(clean(body).removed.empty());
    }

    TEST_CASE("cleaner: a headline-case first line is the headline when there is no title") {
        const std::string headline = "North Korean Troops Pulled Back From Kursk Front";
        auto result = clean(headline + "\nTroops withdrew on Monday.\nOfficials confirmed it.");
        CHECK(result.report.title == headline);
        CHECK(rule_of(result, headline) == "headline");
        CHECK_FALSE(result.report.title_derived);

        // With a title already known, the line is left alone.
        result = clean(headline + "\nTroops withdrew on Monday.", "Another Title");
        CHECK(has_line(result, headline));
    }

    TEST_CASE("cleaner: the title repeated in the body goes, whatever its quotes and case") {
        const auto result =
            clean("Zelensky\xE2\x80\x99s \xE2\x80\x9CPlan\xE2\x80\x9D for Kursk\nTroops withdrew.",
                  "Zelensky's \"plan\" for KURSK");
        CHECK(rule_of(result, "Zelensky\xE2\x80\x99s \xE2\x80\x9CPlan\xE2\x80\x9D for Kursk") ==
              "repeated-headline");
        CHECK(result.report.body == "Troops withdrew.");
    }

    TEST_CASE("cleaner: repeated sentences and speaker names are not headlines") {
        const std::string body =
            "michael barbaro\nSo what happened?\nmichael barbaro\n"
            "The troops withdrew.\nThe troops withdrew.";
        const auto result = clean(body);
        CHECK(result.removed.empty());
    }

    // ---------------------------------------------------------------------------------------
    // Title derivation and the shape of the output

    TEST_CASE("cleaner: an untitled report takes its first sentence as title") {
        const std::string body =
            "Gen. Oleksandr Syrskyi said on Jan. 19 that half the U.S. estimate was wrong. Other "
            "officials disagreed.";
        const auto result = clean(body);
        CHECK(result.report.title ==
              "Gen. Oleksandr Syrskyi said on Jan. 19 that half the U.S. estimate was wrong");
        CHECK(result.report.title_derived);
        CHECK(result.report.body == body);
    }

    TEST_CASE("cleaner: a long first sentence is cut at a word into a title of 110 bytes") {
        std::string sentence = "North Korean troops";
        while (sentence.size() < 200) {
            sentence += " fought alongside Russian forces";
        }
        const auto result = clean(sentence + ".");
        const std::string& title = result.report.title;
        CHECK(title.size() <= 110);
        CHECK(title.ends_with("\xE2\x80\xA6"));
        CHECK(sentence.starts_with(title.substr(0, title.size() - 3)));
        CHECK(sentence[title.size() - 3] == ' ');
        CHECK(result.report.title_derived);
    }

    TEST_CASE("cleaner: a published title is kept and not marked derived") {
        const auto result = clean("Troops withdrew.", "Published Title");
        CHECK(result.report.title == "Published Title");
        CHECK_FALSE(result.report.title_derived);
    }

    TEST_CASE("cleaner: blank lines and surrounding space go, paragraphs stay in order") {
        const auto result = clean("\n  First paragraph.  \n\n\t\nSecond paragraph.\n\n");
        CHECK(result.report.body == "First paragraph.\nSecond paragraph.");
        CHECK(result.removed.empty());
    }

    TEST_CASE("cleaner: odd input is cleaned without breaking") {
        for (const std::string& body : {std::string("by"),
                                        std::string("By"),
                                        std::string("byX"),
                                        std::string(". . .\n!!!\n\xE2\x80"),
                                        std::string("\xFF\xFE invalid \xC3 bytes. Photo:"),
                                        std::string("Published:\n2025-13-45\n1/2/3"),
                                        std::string("\xC2\xA0\xC2\xA0\n\xE2\x80\x8B"),
                                        std::string(5000, 'a') + ". " + std::string(5000, 'B')}) {
            const auto result = clean(body);
            CHECK(result.report.body.find("\n\n") == std::string::npos);
            CHECK(result.report.title.size() <= 110);
        }
    }

    TEST_CASE("cleaner: an empty body stays empty without a title") {
        const auto result = clean("");
        CHECK(result.report.body.empty());
        CHECK(result.report.title.empty());
        CHECK_FALSE(result.report.title_derived);
    }
}
