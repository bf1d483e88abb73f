#include "common/mentioned_dates.hpp"

#include "common/schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace gazette;

namespace {

MentionedDate mention(CalendarDate first, CalendarDate last, DateGranularity g) {
    return {first, last, g, "text", 0};
}

bool shares_a_term(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& term) {
        return std::find(b.begin(), b.end(), term) != b.end();
    });
}

}  // namespace

TEST_SUITE("common") {
    TEST_CASE("mentioned_dates: labels at each granularity") {
        CHECK(mention_label(mention({2025, 1, 19}, {2025, 1, 19}, DateGranularity::Day)) ==
              "2025-01-19");
        CHECK(mention_label(mention({2025, 1, 27}, {2025, 1, 30}, DateGranularity::Week)) ==
              "2025-W05");
        CHECK(mention_label(mention({2025, 1, 11}, {2025, 1, 20}, DateGranularity::Month)) ==
              "2025-01");
        CHECK(mention_label(mention({2024, 6, 1}, {2024, 8, 31}, DateGranularity::Season)) ==
              "2024-summer");
        CHECK(mention_label(mention({2023, 12, 1}, {2024, 2, 29}, DateGranularity::Season)) ==
              "2024-winter");
        CHECK(mention_label(mention({2022, 1, 1}, {2022, 12, 31}, DateGranularity::Year)) ==
              "2022");
        for (auto g : {DateGranularity::Day,
                       DateGranularity::Week,
                       DateGranularity::Month,
                       DateGranularity::Season,
                       DateGranularity::Year}) {
            CHECK(granularity_from_name(granularity_name(g)) == g);
        }
        CHECK_FALSE(granularity_from_name("decade"));
    }

    TEST_CASE("mentioned_dates: a mention is filed under the units no finer than itself") {
        using V = std::vector<std::string>;
        CHECK(mention_terms(mention({2025, 1, 19}, {2025, 1, 19}, DateGranularity::Day)) ==
              V{"XMD20250119", "XMM202501", "XMY2025"});
        CHECK(mention_terms(mention({2025, 1, 27}, {2025, 2, 2}, DateGranularity::Week)) ==
              V{"XMM202501", "XMM202502", "XMY2025"});
        CHECK(mention_terms(mention({2025, 1, 11}, {2025, 1, 20}, DateGranularity::Month)) ==
              V{"XMM202501", "XMY2025"});
        CHECK(mention_terms(mention({2023, 12, 1}, {2024, 2, 29}, DateGranularity::Season)) ==
              V{"XMY2023", "XMY2024"});
        CHECK(mention_terms(mention({2022, 1, 1}, {2022, 12, 31}, DateGranularity::Year)) ==
              V{"XMY2022"});
    }

    TEST_CASE("mentioned_dates: a span is cut into whole years, whole months, then days") {
        using V = std::vector<std::string>;
        CHECK(mention_span_terms({CalendarDate{2025, 1, 1}, CalendarDate{2025, 1, 31}},
                                 1800,
                                 2199) == V{"XMM202501"});
        CHECK(mention_span_terms({CalendarDate{2024, 11, 29}, CalendarDate{2026, 2, 2}},
                                 1800,
                                 2199) == V{"XMD20241129",
                                            "XMD20241130",
                                            "XMM202412",
                                            "XMY2025",
                                            "XMM202601",
                                            "XMD20260201",
                                            "XMD20260202"});
        // Open ends stop at the bounds given.
        CHECK(mention_span_terms({CalendarDate{2024, 12, 1}, std::nullopt}, 2000, 2025) ==
              V{"XMM202412", "XMY2025"});
        CHECK(mention_span_terms({std::nullopt, CalendarDate{2001, 12, 31}}, 2000, 2025) ==
              V{"XMY2000", "XMY2001"});
        CHECK(mention_span_terms({CalendarDate{2030, 1, 1}, std::nullopt}, 2000, 2025).empty());
    }

    // mentions:SPEC finds a mention exactly when it lies in the span and is at least as precise
    // as the span's units there.
    TEST_CASE("mentioned_dates: which mentions a span finds") {
        const auto jan19 =
            mention_terms(mention({2025, 1, 19}, {2025, 1, 19}, DateGranularity::Day));
        const auto mid_jan =
            mention_terms(mention({2025, 1, 11}, {2025, 1, 20}, DateGranularity::Month));
        const auto in_2025 =
            mention_terms(mention({2025, 1, 1}, {2025, 12, 31}, DateGranularity::Year));
        const auto summer =
            mention_terms(mention({2024, 6, 1}, {2024, 8, 31}, DateGranularity::Season));
        const auto span = [](CalendarDate a, CalendarDate b) {
            return mention_span_terms({a, b}, 1800, 2199);
        };
        const auto day = span({2025, 1, 19}, {2025, 1, 19});
        const auto january = span({2025, 1, 1}, {2025, 1, 31});
        const auto year = span({2025, 1, 1}, {2025, 12, 31});
        CHECK(shares_a_term(jan19, day));
        CHECK_FALSE(shares_a_term(mid_jan, day));
        CHECK(shares_a_term(jan19, january));
        CHECK(shares_a_term(mid_jan, january));
        CHECK_FALSE(shares_a_term(in_2025, january));
        CHECK(shares_a_term(in_2025, year));
        CHECK(shares_a_term(mid_jan, year));
        CHECK(shares_a_term(summer, span({2024, 1, 1}, {2024, 12, 31})));
        CHECK_FALSE(shares_a_term(summer, span({2024, 6, 1}, {2024, 8, 31})));
        CHECK_FALSE(shares_a_term(jan19, span({2025, 1, 20}, {2025, 2, 28})));
    }

    TEST_CASE("mentioned_dates: facet values are distinct, sorted and joined, none lost") {
        std::vector<MentionedDate> mentions;
        mentions.push_back(mention({2025, 1, 19}, {2025, 1, 19}, DateGranularity::Day));
        mentions.push_back(mention({2025, 1, 13}, {2025, 1, 13}, DateGranularity::Day));
        mentions.push_back(mention({2024, 6, 1}, {2024, 8, 31}, DateGranularity::Season));
        mentions.push_back(mention({2024, 12, 30}, {2025, 1, 5}, DateGranularity::Week));
        auto values = mention_facet_values(mentions);
        CHECK(values.months == "2024-12 2025-01");  // a season is not as precise as a month
        CHECK(values.years == "2024 2025");
        CHECK(mention_facet_values({}).months.empty());

        mentions.clear();
        for (int year = 2000; year < 2040; ++year) {
            mentions.push_back(mention({year, 3, 1}, {year, 3, 1}, DateGranularity::Day));
        }
        values = mention_facet_values(mentions);
        const auto months = split_facet_value(values.months);
        REQUIRE(months.size() == 40);
        CHECK(months.front() == "2000-03");
        CHECK(months.back() == "2039-03");
        CHECK(split_facet_value("").empty());
        CHECK(split_facet_value("2022") == std::vector<std::string_view>{"2022"});
    }
}
