#include "searcher/render.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace gazette;

namespace {

/// The line of `text` that starts with `label`, or "" when there is none.
std::string line_of(const std::string& text, const std::string& label) {
    const auto start = text.find("\n" + label);
    if (start == std::string::npos) {
        return "";
    }
    const auto end = text.find('\n', start + 1);
    return text.substr(start + 1, end - start - 1);
}

std::string month(int i) {
    const int year = 2000 + i / 12;
    const int m = i % 12 + 1;
    return std::to_string(year) + (m < 10 ? "-0" : "-") + std::to_string(m);
}

/// A response of `outlets` outlets (counts falling from 1000) and `months` months (month 7 the
/// busiest, the rest falling with time), with facets and no hits.
search::SearchResponse response_with(int outlets, int months) {
    search::SearchResponse response;
    response.query = "q";
    response.total = 5000;
    response.total_exact = true;
    search::Facets facets;
    for (int i = 0; i < outlets; ++i) {
        facets.outlet.push_back(
            {"Outlet " + std::to_string(i), static_cast<Xapian::doccount>(1000 - i)});
    }
    for (int i = 0; i < months; ++i) {
        facets.month.push_back({month(i), static_cast<Xapian::doccount>(i == 7 ? 900 : 500 - i)});
    }
    facets.undated = 3;
    facets.no_outlet = 2;
    response.facets = facets;
    return response;
}

}  // namespace

TEST_SUITE("render") {
    TEST_CASE("render: a short facet line shows every value and says nothing is left out") {
        const std::string text = search::to_text(response_with(3, 2), false);
        CHECK(line_of(text, "Outlets:") ==
              "Outlets: Outlet 0 1000 · Outlet 1 999 · Outlet 2 998 · (no outlet) 2");
        CHECK(line_of(text, "Months:") == "Months:  2000-01 500 · 2000-02 499 · (undated) 3");
    }

    TEST_CASE(
        "render: the terminal shows the 20 biggest outlets and says how many more there are") {
        const std::string text = search::to_text(response_with(312, 2), false);
        const std::string outlets = line_of(text, "Outlets:");
        CHECK(outlets.find("Outlet 19 981") != std::string::npos);
        CHECK(outlets.find("Outlet 20 ") == std::string::npos);
        CHECK(outlets.ends_with(" · (no outlet) 2 · +292 more outlets"));
    }

    TEST_CASE(
        "render: a long timeline shows its 24 busiest months in date order, and how many more") {
        const std::string text = search::to_text(response_with(1, 100), false);
        const std::string months = line_of(text, "Months:");
        // The busiest: month 7 (900), then months 0-6 and 8-23 (500 down to 477).
        CHECK(months.starts_with("Months:  2000-01 500 · 2000-02 499 · "));
        CHECK(months.find("2000-08 900") != std::string::npos);
        CHECK(months.find("2001-12 477") != std::string::npos);
        CHECK(months.find("2002-01 ") == std::string::npos);
        CHECK(months.ends_with("2001-12 477 · (undated) 3 · +76 more months"));
    }
}
