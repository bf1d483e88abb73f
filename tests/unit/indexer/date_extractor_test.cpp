#include "indexer/date_extractor.hpp"

#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"
#include "indexer/cleaner.hpp"
#include "indexer/readers/reader.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

using namespace gazette;
using indexer::extract_mentioned_dates;

namespace {

std::optional<CalendarDate> day(const char* iso) {
    return iso == nullptr ? std::nullopt : parse_date(iso);
}

/// One expression in a sentence, and what it must resolve to.
struct Case {
    const char* sentence;
    const char* published;  ///< nullptr: undated
    const char* text;       ///< the mention's text, with its preposition
    const char* first;
    const char* last;
    DateGranularity granularity;
};

void check_case(const Case& c) {
    CAPTURE(c.sentence);
    CAPTURE(c.published == nullptr ? "undated" : c.published);
    const std::string body = c.sentence;
    const auto mentions = extract_mentioned_dates(body, day(c.published));
    REQUIRE(mentions.size() == 1);
    const auto& m = mentions.front();
    CHECK(m.text == c.text);
    CHECK(body.substr(m.offset, m.text.size()) == m.text);
    CHECK(m.first.iso() == c.first);
    CHECK(m.last.iso() == c.last);
    CHECK(granularity_name(m.granularity) == granularity_name(c.granularity));
}

std::vector<std::string> texts(const std::vector<MentionedDate>& mentions) {
    std::vector<std::string> out;
    for (const auto& m : mentions) {
        out.push_back(m.text + " = " + mention_label(m));
    }
    return out;
}

using G = DateGranularity;

}  // namespace

TEST_SUITE("indexer") {
    // One case per kind of expression the issue names, resolved against the publication date.
    TEST_CASE("date_extractor: the issue's expressions") {
        const Case cases[] = {
            {"Syrskyi said on Jan. 19 that half were lost.",
             "2025-01-27",
             "on Jan. 19",
             "2025-01-19",
             "2025-01-19",
             G::Day},
            {"300 were killed and 2,700 wounded as of Jan. 13.",
             "2025-01-27",
             "as of Jan. 13",
             "2025-01-13",
             "2025-01-13",
             G::Day},
            {"Asked on Friday about the reports, Peskov declined.",
             "2025-01-31",
             "on Friday",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"Asked on Friday about the reports, Peskov declined.",
             "2025-01-27",
             "on Friday",
             "2025-01-24",
             "2025-01-24",
             G::Day},
            {"The incursion last August stunned the Kremlin.",
             "2025-01-31",
             "last August",
             "2024-08-01",
             "2024-08-31",
             G::Month},
            {"The incursion last August stunned the Kremlin.",
             "2025-09-10",
             "last August",
             "2025-08-01",
             "2025-08-31",
             G::Month},
            {"4,000 casualties by mid-January were reported.",
             "2025-01-27",
             "by mid-January",
             "2025-01-11",
             "2025-01-20",
             G::Month},
            {"Troops arrived in late October, officials said.",
             "2025-01-31",
             "in late October",
             "2024-10-21",
             "2024-10-31",
             G::Month},
            {"Troops were deployed in November to Kursk.",
             "2025-01-31",
             "in November",
             "2024-11-01",
             "2024-11-30",
             G::Month},
            {"The invasion began in February 2022, with no end.",
             "2025-02-01",
             "in February 2022",
             "2022-02-01",
             "2022-02-28",
             G::Month},
            {"The treaty was reinforced last summer when they met.",
             "2025-01-31",
             "last summer",
             "2024-06-01",
             "2024-08-31",
             G::Season},
            {"Earlier this week, a commander told Sky News.",
             "2025-01-31",
             "Earlier this week",
             "2025-01-27",
             "2025-01-30",
             G::Week},
            {"He saw a shift around two weeks ago, he said.",
             "2025-01-27",
             "two weeks ago",
             "2025-01-13",
             "2025-01-19",
             G::Week},
        };
        for (const auto& c : cases) {
            check_case(c);
        }
    }

    TEST_CASE("date_extractor: more relative expressions") {
        const Case cases[] = {
            {"Forces could be wiped out by mid-April.",
             "2025-01-27",
             "by mid-April",
             "2025-04-11",
             "2025-04-20",
             G::Month},
            {"He spoke yesterday.", "2025-01-31", "yesterday", "2025-01-30", "2025-01-30", G::Day},
            {"He speaks today.", "2025-01-31", "today", "2025-01-31", "2025-01-31", G::Day},
            {"He will speak tomorrow.",
             "2025-01-31",
             "tomorrow",
             "2025-02-01",
             "2025-02-01",
             G::Day},
            {"Drones struck last night.",
             "2025-01-31",
             "last night",
             "2025-01-30",
             "2025-01-30",
             G::Day},
            {"Talks stalled last week.",
             "2025-01-31",
             "last week",
             "2025-01-20",
             "2025-01-26",
             G::Week},
            {"Talks resume next week.",
             "2025-01-31",
             "next week",
             "2025-02-03",
             "2025-02-09",
             G::Week},
            {"Zelensky confirmed 3,800 casualties earlier this month.",
             "2025-01-27",
             "earlier this month",
             "2025-01-01",
             "2025-01-26",
             G::Month},
            {"Prices rose last month.",
             "2025-01-31",
             "last month",
             "2024-12-01",
             "2024-12-31",
             G::Month},
            {"Elections are due this year.",
             "2025-01-31",
             "this year",
             "2025-01-01",
             "2025-12-31",
             G::Year},
            {"It happened three days ago.",
             "2025-01-31",
             "three days ago",
             "2025-01-28",
             "2025-01-28",
             G::Day},
            {"It happened 3 days ago.",
             "2025-01-31",
             "3 days ago",
             "2025-01-28",
             "2025-01-28",
             G::Day},
            {"The deal fell apart six months ago.",
             "2025-01-31",
             "six months ago",
             "2024-07-01",
             "2024-07-31",
             G::Month},
            {"The deal fell apart a year ago.",
             "2025-01-31",
             "a year ago",
             "2024-01-01",
             "2024-12-31",
             G::Year},
            {"Talks resume next Tuesday.",
             "2025-01-31",
             "next Tuesday",
             "2025-02-04",
             "2025-02-04",
             G::Day},
            {"The vote was held last Friday.",
             "2025-01-31",
             "last Friday",
             "2025-01-24",
             "2025-01-24",
             G::Day},
            {"Shelling resumed Monday morning.",
             "2025-01-31",
             "Monday",
             "2025-01-27",
             "2025-01-27",
             G::Day},
            {"The front froze last winter.",
             "2025-01-31",
             "last winter",
             "2023-12-01",
             "2024-02-29",
             G::Season},
            {"Fighting eased in the spring.",
             "2025-09-30",
             "in the spring",
             "2025-03-01",
             "2025-05-31",
             G::Season},
            {"The show is on hiatus until the fall.",
             "2019-03-27",
             "until the fall",
             "2019-09-01",
             "2019-11-30",
             G::Season},
            {"Troops withdrew at the end of March.",
             "2025-04-15",
             "end of March",
             "2025-03-21",
             "2025-03-31",
             G::Month},
            {"They arrived in November last year.",
             "2025-01-31",
             "in November last year",
             "2024-11-01",
             "2024-11-30",
             G::Month},
            {"Since their December deployment, troops fought.",
             "2025-01-27",
             "December",
             "2024-12-01",
             "2024-12-31",
             G::Month},
            {"It followed Ukraine\xE2\x80\x99s August incursion.",
             "2025-01-31",
             "August",
             "2024-08-01",
             "2024-08-31",
             G::Month},
            {"Elections will be held in March.",
             "2025-01-31",
             "in March",
             "2025-03-01",
             "2025-03-31",
             G::Month},
            // The nearest Jan. 5 to December 30 is the coming one.
            {"The court meets on Jan. 5.",
             "2025-12-30",
             "on Jan. 5",
             "2026-01-05",
             "2026-01-05",
             G::Day},
            {"The deadline is Feb. 3.", "2025-01-31", "Feb. 3", "2025-02-03", "2025-02-03", G::Day},
        };
        for (const auto& c : cases) {
            check_case(c);
        }
    }

    TEST_CASE("date_extractor: absolute dates in every written form, also when undated") {
        const Case cases[] = {
            {"It was signed on January 31, 2025 in Kyiv.",
             nullptr,
             "on January 31, 2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"It was signed Jan. 31, 2025.",
             nullptr,
             "Jan. 31, 2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"It was signed on 31 January 2025.",
             nullptr,
             "on 31 January 2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"It was signed on the 31st of January 2025.",
             nullptr,
             "31st of January 2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"The file is dated 2025-01-31 in the log.",
             nullptr,
             "2025-01-31",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"The letter, dated 31/01/2025, says so.",
             nullptr,
             "31/01/2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"The letter, dated 31.01.2025, says so.",
             nullptr,
             "31.01.2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"The memo of 1/31/2025 says so.",
             nullptr,
             "1/31/2025",
             "2025-01-31",
             "2025-01-31",
             G::Day},
            {"It started Sept. 3, 2024.",
             nullptr,
             "Sept. 3, 2024",
             "2024-09-03",
             "2024-09-03",
             G::Day},
            {"The invasion began in February 2022.",
             nullptr,
             "in February 2022",
             "2022-02-01",
             "2022-02-28",
             G::Month},
            {"Russia invaded in 2022, officials said.",
             nullptr,
             "in 2022",
             "2022-01-01",
             "2022-12-31",
             G::Year},
            {"Fighting has gone on since 2014 and more.",
             nullptr,
             "since 2014",
             "2014-01-01",
             "2014-12-31",
             G::Year},
            {"Rates rose in early 2023.",
             nullptr,
             "in early 2023",
             "2023-01-01",
             "2023-04-30",
             G::Year},
            {"It was cold by mid-2022.",
             nullptr,
             "by mid-2022",
             "2022-05-01",
             "2022-08-31",
             G::Year},
            {"He met them in the summer of 2023.",
             nullptr,
             "in the summer of 2023",
             "2023-06-01",
             "2023-08-31",
             G::Season},
            {"Primaries in the winter of 2016 were close.",
             nullptr,
             "in the winter of 2016",
             "2015-12-01",
             "2016-02-29",
             G::Season},
        };
        for (const auto& c : cases) {
            check_case(c);
        }
    }

    TEST_CASE("date_extractor: year ranges give both years, counts give none") {
        const auto both = extract_mentioned_dates("He served from 2014 to 2022.", std::nullopt);
        CHECK(texts(both) == std::vector<std::string>{"from 2014 = 2014", "2022 = 2022"});
        CHECK(
            extract_mentioned_dates("Output rose from 2000 to 3000 tonnes.", std::nullopt).empty());
    }

    // Numbers and words that are not dates stay out.
    TEST_CASE("date_extractor: traps") {
        for (const char* text : {
                 "Since then, DPRK troops have faced combat, averaging 92 casualties daily.",
                 "Russia reclaimed approximately half of the 1000+ square kilometers captured.",
                 "Puls described them as appearing to be aged between 25-40 years old.",
                 "They are prepared for the realities of war in 1980 at best.",
                 "They sent troops in 2000 trucks.",
                 "Some 12,000-strong forces and 11,000 troops; 4,000 casualties in 3 months.",
                 "May the best side win.",
                 "August Wilson wrote the play.",
                 "USA Today reported it first.",
                 "He watched Saturday Night Live.",
                 "After the fall of Bakhmut, troops regrouped.",
                 "It was the last year of the study.",
                 "The Good Friday Agreement held.",
                 "They stayed at Mar-a-Lago for a 5.5% rise at 10:30.",
                 "Not until December of that year did they vote.",
             }) {
            CAPTURE(text);
            CHECK(texts(extract_mentioned_dates(text, CalendarDate{2025, 1, 31})).empty());
        }
    }

    TEST_CASE("date_extractor: undated reports keep only absolute dates") {
        const std::string body =
            "On Jan. 19 roughly half were killed. The treaty was renewed last summer. "
            "Earlier this week talks failed. The war began in February 2022, and on "
            "January 31, 2025 troops withdrew; Russia invaded in 2022.";
        CHECK(texts(extract_mentioned_dates(body, std::nullopt)) ==
              std::vector<std::string>{"in February 2022 = 2022-02",
                                       "on January 31, 2025 = 2025-01-31",
                                       "in 2022 = 2022"});
    }

    TEST_CASE("date_extractor: a weekday before a date takes the date") {
        const auto mentions =
            extract_mentioned_dates("It happened on Friday, Jan. 31, 2025.", std::nullopt);
        CHECK(texts(mentions) == std::vector<std::string>{"on Friday, Jan. 31, 2025 = 2025-01-31"});
    }

    // The seeds, read and cleaned as the indexer does: every date they mention, none they
    // do not (002 is undated and mentions only relative dates and "in 1980 at best").
    TEST_CASE("date_extractor: the seed reports") {
        const std::map<std::string, std::vector<std::string>> expected = {
            {"000_538164c2fa05198d",
             {"two weeks ago = 2025-W03",
              "by mid-January = 2025-01",
              "by mid-April = 2025-04",
              "December = 2024-12",
              "earlier this month = 2025-01",
              "as of Jan. 13 = 2025-01-13"}},
            {"001_3c87959d9f703bea",
             {"in November = 2024-11",
              "Earlier this week = 2025-W05",
              "two weeks ago = 2025-W03",
              "on Jan. 31 = 2025-01-31",
              "on Friday = 2025-01-31",
              "last August = 2024-08",
              "in 2022 = 2022"}},
            {"002_9b497591670c9523", {}},
            {"003_8a8b18163b97c80c", {"in February 2022 = 2022-02"}},
            {"004_c601d5b61a287260",
             {"in late October = 2024-10", "August = 2024-08", "in November = 2024-11"}},
        };
        for (const auto& entry : std::filesystem::directory_iterator(testing::corpus_dir())) {
            std::ifstream in(entry.path());
            std::stringstream content;
            content << in.rdbuf();
            auto read = indexer::read_text(entry.path().string(), content.str(), {});
            REQUIRE(read.reports.size() == 1);
            const auto cleaned = indexer::clean_report(read.reports.front());
            const Report& r = cleaned.report;
            CAPTURE(r.id);
            REQUIRE(expected.count(r.id) == 1);
            CHECK(texts(extract_mentioned_dates(r.body, r.date)) == expected.at(r.id));
        }
    }

    TEST_CASE("date_extractor: threads share nothing") {
        const std::string body =
            "On Jan. 19 troops moved; last summer a treaty; in late October they came; earlier "
            "this week they left, two weeks ago they were seen.";
        const auto expected = texts(extract_mentioned_dates(body, CalendarDate{2025, 1, 31}));
        REQUIRE(expected.size() == 5);
        std::vector<std::vector<std::string>> got(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < got.size(); ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 200; ++i) {
                    got[t] = texts(extract_mentioned_dates(body, CalendarDate{2025, 1, 31}));
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        for (const auto& g : got) {
            CHECK(g == expected);
        }
    }

    TEST_CASE("date_extractor: the number of mentions kept is bounded") {
        std::string body;
        for (int i = 0; i < 500; ++i) {
            body += "It happened in 2020. ";
        }
        CHECK(extract_mentioned_dates(body, std::nullopt).size() == schema::kMaxMentionedDates);
    }
}
