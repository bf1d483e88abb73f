#include "indexer/readers/reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace {

using gazette::indexer::read_html;
using gazette::indexer::ReadResult;
using gazette::indexer::ReportDefaults;

/// A news page as sites serve it: navigation, header, scripts, an aside and a footer around an
/// <article>, metadata in JSON-LD and in Open Graph tags (which disagree, to show the order of
/// trust).
constexpr std::string_view kPage = R"html(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Meta Title Loses | The Example Post</title>
  <meta property="og:title" content="Open Graph Title Loses">
  <meta property="og:site_name" content="The Example Post">
  <meta property="og:url" content="https://example.com/og-url">
  <meta property="article:published_time" content="2025-01-30T08:00:00Z">
  <link rel="canonical" href="https://example.com/canonical">
  <script type="application/ld+json">
  {"@context": "https://schema.org",
   "@graph": [
     {"@type": "WebSite", "name": "Example"},
     {"@type": "NewsArticle",
      "headline": "North Korean Troops Pulled Back From Kursk",
      "datePublished": "2025-01-31T10:00:00+02:00",
      "author": [{"@type": "Person", "name": "Jane Doe"},
                 {"@type": "Person", "name": "John Smith"}],
      "publisher": {"@type": "Organization", "name": "Example Post"},
      "mainEntityOfPage": {"@id": "https://example.com/news/kursk"}}
   ]}
  </script>
  <style>p { color: red; }</style>
  <script>var tracking = "SCRIPT TEXT";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">NAV LINK</a></nav>
  <header><h1>HEADER TEXT</h1></header>
  <main>
    <article>
      <h1>North Korean Troops Pulled Back From Kursk</h1>
      <time datetime="2025-01-29">29 January</time>
      <p>North Korean   troops have
         <em>reportedly</em> pulled back from the front line.</p>
      <figure><img src="a.jpg"><figcaption>FIGURE CAPTION</figcaption></figure>
      <p>Losses at Kursk &amp; Pokrovsk were heavy&nbsp;&mdash;
         &ldquo;very heavy,&rdquo; he said.</p>
      <aside>ASIDE TEXT</aside>
      <ul><li>First point</li><li>Second point</li></ul>
      <p>Line one<br>Line two</p>
      <form><button>BUTTON TEXT</button></form>
      <noscript>NOSCRIPT TEXT</noscript>
    </article>
  </main>
  <footer>FOOTER TEXT</footer>
</body>
</html>
)html";

ReadResult read(std::string_view html, const ReportDefaults& defaults = {}) {
    return read_html("pages/kursk-report.html", html, defaults);
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("html: metadata comes from JSON-LD first, the date from article:published_time") {
        const auto result = read(kPage);
        REQUIRE(result.reports.size() == 1);
        CHECK(result.problems.empty());
        CHECK(result.rejected == 0);
        const auto& report = result.reports.front();
        CHECK(report.id == "kursk-report");
        CHECK(report.source == "pages/kursk-report.html");
        CHECK(report.title == "North Korean Troops Pulled Back From Kursk");
        CHECK(report.outlet == "Example Post");
        CHECK(report.author == "Jane Doe, John Smith");
        CHECK(report.url == "https://example.com/news/kursk");
        // Issue 4's order of trust for dates: article:published_time, <time datetime>, JSON-LD.
        REQUIRE(report.date.has_value());
        CHECK(report.date->iso() == "2025-01-30");
        CHECK(report.language == "en");
    }

    TEST_CASE("html: the body is the article's paragraphs, without page furniture") {
        const auto result = read(kPage);
        REQUIRE(result.reports.size() == 1);
        const std::string& body = result.reports.front().body;
        CHECK(body ==
              "North Korean Troops Pulled Back From Kursk\n"
              "29 January\n"
              "North Korean troops have reportedly pulled back from the front line.\n"
              "Losses at Kursk & Pokrovsk were heavy \xE2\x80\x94 \xE2\x80\x9Cvery heavy,"
              "\xE2\x80\x9D he said.\n"
              "First point\n"
              "Second point\n"
              "Line one\n"
              "Line two");
        for (const std::string chrome : {"SCRIPT TEXT",
                                         "NAV LINK",
                                         "HEADER TEXT",
                                         "FIGURE CAPTION",
                                         "ASIDE TEXT",
                                         "BUTTON TEXT",
                                         "NOSCRIPT TEXT",
                                         "FOOTER TEXT",
                                         "color: red"}) {
            CHECK_MESSAGE(body.find(chrome) == std::string::npos, chrome);
        }
    }

    TEST_CASE("html: meta tags stand in when there is no JSON-LD") {
        const auto result = read(R"html(<html><head>
            <title>Troops Withdraw - The Example Post</title>
            <meta property="og:site_name" content="The Example Post">
            <meta name="author" content="Jane Doe">
            <meta property="article:author" content="https://facebook.com/jane">
            <meta name="date" content="2025-01-28">
            <link rel="canonical" href="https://example.com/canonical">
            </head><body><p>Troops withdrew.</p></body></html>)html");
        REQUIRE(result.reports.size() == 1);
        const auto& report = result.reports.front();
        CHECK(report.title == "Troops Withdraw");  // the " - Site" suffix goes
        CHECK(report.outlet == "The Example Post");
        CHECK(report.author == "Jane Doe");  // not the profile link
        CHECK(report.url == "https://example.com/canonical");
        REQUIRE(report.date.has_value());
        CHECK(report.date->iso() == "2025-01-28");
        CHECK(report.body == "Troops withdrew.");
    }

    TEST_CASE("html: publication dates in their order of trust") {
        const std::string published =
            R"(<meta property="article:published_time" content="2025-01-30">)";
        const std::string time =
            R"(<article><time datetime="2025-01-29">Wed</time><p>Text.</p></article>)";
        const std::string json_ld =
            R"(<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-28"}</script>)";
        const std::string loose = R"(<meta name="date" content="2025-01-27">)";
        const auto date_of = [](const std::string& page) {
            const auto result = read(page);
            REQUIRE(result.reports.size() == 1);
            REQUIRE(result.reports.front().date.has_value());
            return result.reports.front().date->iso();
        };
        CHECK(date_of(loose + json_ld + published + time) == "2025-01-30");
        CHECK(date_of(loose + json_ld + time) == "2025-01-29");
        CHECK(date_of(loose + json_ld + "<p>Text.</p>") == "2025-01-28");
        CHECK(date_of(loose + "<p>Text.</p>") == "2025-01-27");
    }

    TEST_CASE("html: Open Graph is trusted over <title>, <time> stands in for a date") {
        const auto result = read(R"html(<html><head>
            <title>Page Title | Other Site</title>
            <meta property="og:title" content="Open Graph Title">
            <meta property="og:url" content="https://example.com/og">
            </head><body><article><time datetime="2025-01-27T09:30:00Z">Mon</time>
            <p>Troops withdrew.</p></article></body></html>)html");
        REQUIRE(result.reports.size() == 1);
        const auto& report = result.reports.front();
        CHECK(report.title == "Open Graph Title");
        CHECK(report.url == "https://example.com/og");
        REQUIRE(report.date.has_value());
        CHECK(report.date->iso() == "2025-01-27");
        CHECK(report.body == "Mon\nTroops withdrew.");
    }

    TEST_CASE("html: a <title> suffix that is not the outlet stays") {
        const auto result = read(R"html(<title>War - Day 340</title><p>Text.</p>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().title == "War - Day 340");
    }

    TEST_CASE("html: JSON-LD as an array, with a string author and a url") {
        const auto result = read(R"html(<script type="application/ld+json">
            [{"@type": "BreadcrumbList"},
             {"@type": ["ReportageNewsArticle"], "headline": "Array Headline",
              "author": "Jane Doe", "publisher": "Example Wire",
              "url": "https://example.com/a", "datePublished": "January 31, 2025"}]
            </script><p>Text.</p>)html");
        REQUIRE(result.reports.size() == 1);
        const auto& report = result.reports.front();
        CHECK(report.title == "Array Headline");
        CHECK(report.author == "Jane Doe");
        CHECK(report.outlet == "Example Wire");
        CHECK(report.url == "https://example.com/a");
        REQUIRE(report.date.has_value());
        CHECK(report.date->iso() == "2025-01-31");
    }

    TEST_CASE("html: entities in JSON-LD strings are decoded") {
        const auto result = read(R"html(<script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Ukraine&#8217;s Kursk &amp; Belgorod Push",
             "publisher": {"name": "Smith &amp; Sons"}}</script><p>Text.</p>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().title == "Ukraine\xE2\x80\x99s Kursk & Belgorod Push");
        CHECK(result.reports.front().outlet == "Smith & Sons");
    }

    TEST_CASE("html: broken JSON-LD is ignored, the page is still read") {
        const auto result = read(R"html(<script type="application/ld+json">{"@type": "NewsArticle",
            "headline": </script><meta property="og:title" content="Fallback"><p>Text.</p>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().title == "Fallback");
        CHECK(result.problems.empty());
    }

    TEST_CASE("html: broken HTML still yields its text") {
        const auto result = read(
            "<html><body><div><p>First <b>bold <i>paragraph<p>Second paragraph"
            "<div><span>Unclosed &amp; <p>Third</body>");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().body ==
              "First bold paragraph\nSecond paragraph\nUnclosed &\nThird");
    }

    // 8,000 open elements: deep enough to overflow a recursive walk under ASan, shallow enough
    // for gumbo, whose handling of unclosed tags grows with the square of the depth.
    TEST_CASE("html: deeply nested markup does not exhaust the stack") {
        std::string html;
        for (int i = 0; i < 4000; ++i) {
            html += "<div><span>";
        }
        html += "Deep text.";
        const auto result = read(html);
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().body == "Deep text.");
    }

    TEST_CASE("html: a page without text is rejected") {
        for (const std::string_view html :
             {std::string_view(""),
              std::string_view("<html><head><title>Only A Title</title></head><body>"
                               "<nav>Home</nav><script>x()</script></body></html>")}) {
            const auto result = read(html);
            CHECK(result.reports.empty());
            CHECK(result.rejected == 1);
            REQUIRE(result.problems.size() == 1);
            CHECK(result.problems.front().source == "pages/kursk-report.html");
            CHECK(result.problems.front().message == "no article text found");
            CHECK(result.problems.front().action == "skipped");
        }
    }

    TEST_CASE("html: a bad date is a problem, and the report is indexed undated") {
        const auto result = read(R"html(<meta property="article:published_time"
            content="0001-11-30T00:00:00Z"><p>Text.</p>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK_FALSE(result.reports.front().date.has_value());
        CHECK(result.rejected == 0);
        REQUIRE(result.problems.size() == 1);
        // Worded as every reader words it (apply_date_field): the value, then the verdict.
        const std::string& message = result.problems.front().message;
        CHECK(message.starts_with("date '0001-11-30T00:00:00Z'"));
        CHECK(message.ends_with("is not a valid publication date"));
        CHECK(result.problems.front().source == "pages/kursk-report.html");
        CHECK(result.problems.front().action == "indexed as undated");

        const auto garbage = read(R"html(<meta name="date" content="last Tuesday"><p>T.</p>)html");
        REQUIRE(garbage.problems.size() == 1);
        CHECK(garbage.problems.front().message.starts_with("date 'last Tuesday'"));
    }

    TEST_CASE("html: a bad trusted date gives way to a good one without a problem") {
        const auto result = read(R"html(<meta property="article:published_time" content="soon">
            <meta name="pubdate" content="Fri, 31 Jan 2025 10:00:00 GMT"><p>Text.</p>)html");
        REQUIRE(result.reports.size() == 1);
        REQUIRE(result.reports.front().date.has_value());
        CHECK(result.reports.front().date->iso() == "2025-01-31");
        CHECK(result.problems.empty());
    }

    TEST_CASE("html: the biggest <article> is the story, not a teaser") {
        const auto result = read(R"html(<body>
            <article><p>Teaser of another story.</p></article>
            <article><p>The real story, which is much longer than the teaser.</p>
                     <p>Its second paragraph.</p></article></body>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().body ==
              "The real story, which is much longer than the teaser.\nIts second paragraph.");
    }

    TEST_CASE("html: <main> is used when there is no <article>") {
        const auto result = read(R"html(<body><div>Sidebar junk</div>
            <main><p>Main text.</p></main></body>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().body == "Main text.");
    }

    TEST_CASE("html: defaults fill what the page lacks, and only that") {
        ReportDefaults defaults;
        defaults.outlet = "Flag Outlet";
        defaults.author = "Flag Author";
        defaults.date = gazette::CalendarDate{2025, 2, 1};
        auto result = read("<p>Text.</p>", defaults);
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().outlet == "Flag Outlet");
        CHECK(result.reports.front().author == "Flag Author");
        CHECK(result.reports.front().date->iso() == "2025-02-01");

        result = read(kPage, defaults);
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().outlet == "Example Post");
        CHECK(result.reports.front().date->iso() == "2025-01-30");  // the page's, not the flag's
    }

    TEST_CASE("html: a script-rendered page falls back to JSON-LD articleBody") {
        const auto result = read(R"html(<script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "H",
             "articleBody": "First paragraph.\n\nSecond   paragraph."}</script>
            <body><div id="app"></div></body>)html");
        REQUIRE(result.reports.size() == 1);
        CHECK(result.reports.front().body == "First paragraph.\nSecond paragraph.");
    }
}
