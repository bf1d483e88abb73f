// Issue 5, end to end through the search library: synonyms of each kind, compounds, exact
// phrases, spelling suggestions, collapsing near-duplicates, similar reports and explanations.
#include "searcher/render.hpp"
#include "tests/unit/searcher/relevance_fixture.hpp"

#include <algorithm>
#include <numeric>
#include <set>

using namespace gazette;

namespace {

/// A searcher of the relevance corpus, with the test synonyms.
search::Searcher open_searcher() {
    auto searcher = search::Searcher::open(testing::relevance_index().db);
    REQUIRE(searcher);
    auto synonyms = search::SynonymTable::parse(
        testing::kTestSynonyms, "test-synonyms.tsv", text::thread_analyzer());
    REQUIRE(synonyms);
    searcher->synonyms = std::move(*synonyms);
    return std::move(*searcher);
}

search::SearchResponse run(search::SearchRequest request) {
    auto searcher = open_searcher();
    request.limit = 20;
    auto response = searcher.search(request);
    REQUIRE(response);
    return *response;
}

search::SearchResponse run(const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    return run(request);
}

std::set<std::string> ids(const search::SearchResponse& response) {
    std::set<std::string> out;
    for (const auto& hit : response.hits) {
        out.insert(hit.report.id);
    }
    return out;
}

const search::Hit* hit_of(const search::SearchResponse& response, const std::string& id) {
    for (const auto& hit : response.hits) {
        if (hit.report.id == id) {
            return &hit;
        }
    }
    return nullptr;
}

/// The sum of what --explain says each clause gave a result: its weight, when explain is right.
double explained_weight(const search::Hit& hit) {
    return std::accumulate(
        hit.explain.begin(), hit.explain.end(), 0.0, [](double sum, const auto& clause) {
            return sum + clause.weight;
        });
}

/// Whether a clause of the result's --explain matched one of `terms`.
bool explained_any(const search::Hit& hit, const std::vector<std::string>& terms) {
    return std::any_of(hit.explain.begin(), hit.explain.end(), [&terms](const auto& clause) {
        return std::find_first_of(
                   clause.matched.begin(), clause.matched.end(), terms.begin(), terms.end()) !=
               clause.matched.end();
    });
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("relevance: a listed word finds its synonyms, its phrases in any inflection") {
        // withdrawal ~ withdraw ~ pull back ~ retreat: "pulled back" and "retreated" match.
        const auto withdrawal = ids(run("withdrawal"));
        CHECK(withdrawal.count("retreat") == 1);
        CHECK(withdrawal.count("pulled") == 1);
        // A listed phrase typed as words: one unit, with its synonyms.
        const auto pull_back = ids(run("pull back"));
        CHECK(pull_back.count("pulled") == 1);
        CHECK(pull_back.count("retreat") == 1);
        CHECK(pull_back.count("front-line") == 0);  // "back" alone is not the phrase
    }

    TEST_CASE("relevance: casualties ~ losses, soldiers ~ troops, DPRK ~ North Korea") {
        CHECK(ids(run("casualties")) == std::set<std::string>{"losses"});
        CHECK(ids(run("soldiers")) == std::set<std::string>{"troops"});
        CHECK(ids(run("DPRK")) == std::set<std::string>{"dprk", "north-korea"});
        CHECK(ids(run("North Korea")) == std::set<std::string>{"dprk", "north-korea"});
    }

    TEST_CASE("relevance: a name both listed and in the gazetteer gets each spelling once") {
        // DPRK ~ North Korea is in the synonyms file and in corpus/entities.tsv: one OP_SYNONYM
        // with the phrase once, so that a report's "North Korea" counts once.
        for (const std::string query : {"DPRK", "North Korea"}) {
            const std::string xapian = run(query).xapian;
            const auto count = [&](const std::string& part) {
                std::size_t n = 0;
                for (auto at = xapian.find(part); at != std::string::npos;
                     at = xapian.find(part, at + 1)) {
                    ++n;
                }
                return n;
            };
            CAPTURE(xapian);
            CHECK(count("north PHRASE 2 korea") == 1);
            CHECK(count("Zdprk") == 1);
            CHECK(count("democratic PHRASE 5 people") == 1);  // from the gazetteer only
        }
    }

    TEST_CASE("relevance: a spelling phrase with a word searched on its own is left out") {
        // "Volodymyr Zelensky" finds nothing that zelensky alone does not, and its positions
        // cost much to check: the name widens to the single-word spellings only.
        const std::string xapian = run("Zelensky").xapian;
        CAPTURE(xapian);
        CHECK(xapian.find("Zzelenskyy") != std::string::npos);
        CHECK(xapian.find("PHRASE") == std::string::npos);
        // A phrase whose words are not searched alone stays (DPRK: "north korea").
        CHECK(run("DPRK").xapian.find("north PHRASE 2 korea") != std::string::npos);
    }

    TEST_CASE("relevance: British and American spellings match each other, by rule") {
        CHECK(ids(run("defence")) == std::set<std::string>{"defence", "defense"});
        CHECK(ids(run("defense")) == std::set<std::string>{"defence", "defense"});
        CHECK(ids(run("organization")) == std::set<std::string>{"defence", "defense"});
        CHECK(ids(run("armoured")) == std::set<std::string>{"defence", "defense"});
    }

    TEST_CASE("relevance: snippets mark synonym matches") {
        const auto response = run("withdrawal");
        const auto* retreat = hit_of(response, "retreat");
        REQUIRE(retreat != nullptr);
        CHECK(retreat->snippet.html().find("<mark>retreated</mark>") != std::string::npos);
        const auto* pulled = hit_of(response, "pulled");
        REQUIRE(pulled != nullptr);
        CHECK(pulled->snippet.html().find("<mark>pulled</mark> <mark>back</mark>") !=
              std::string::npos);
        const auto british = run("defense");
        CHECK(hit_of(british, "defence")->snippet.html().find("<mark>Defence</mark>") !=
              std::string::npos);
    }

    TEST_CASE("relevance: a compound matches apart, hyphenated and solid, in either number") {
        // The example: "human waves" also finds "human-wave attacks".
        CHECK(ids(run("\"human waves\"")) == std::set<std::string>{"human-wave"});
        CHECK(ids(run("human-wave")).count("human-wave") == 1);
        const std::set<std::string> all_three{"frontline", "front-line", "human-wave"};
        CHECK(ids(run("frontline")) == all_three);
        CHECK(ids(run("\"front line\"")) == all_three);
        CHECK(ids(run("front-line")).count("frontline") == 1);
    }

    TEST_CASE("relevance: quoted phrases and =words are exact: no stems, no synonyms") {
        CHECK(ids(run("\"pulled back\"")) == std::set<std::string>{"pulled"});
        CHECK(ids(run("\"pull back\"")).empty());  // the phrase as written occurs nowhere
        CHECK(ids(run("=retreat")).empty());       // only "retreated" is written
        CHECK(ids(run("=defence")) == std::set<std::string>{"defence"});
        CHECK(ids(run("=losses")) == std::set<std::string>{"losses"});
        CHECK(ids(run("\"North Korea\"")) == std::set<std::string>{"north-korea"});
    }

    TEST_CASE("relevance: did you mean, when a query finds little") {
        const auto misspelt = run("artilery");
        CHECK(misspelt.total == 0);
        REQUIRE(misspelt.suggestion);
        CHECK(*misspelt.suggestion == "artillery");
        // Titles feed the dictionary too, and a capital stays.
        const auto title_word = run("Brigade Pyongyng");
        REQUIRE(title_word.suggestion);
        CHECK(*title_word.suggestion == "Brigade Pyongyang");
        CHECK(search::to_json(title_word)["suggestion"] == "Brigade Pyongyang");
        CHECK(search::to_text(title_word, false).find("Did you mean: Brigade Pyongyang") !=
              std::string::npos);
        // No suggestion for words that exist, nor for a query that found plenty.
        CHECK_FALSE(run("artillery").suggestion);
        const auto plenty = run("officials artilery");
        CHECK(plenty.total >= 10);
        CHECK_FALSE(plenty.suggestion);
    }

    TEST_CASE("relevance: --collapse folds a wire copy under the story, not unrelated reports") {
        search::SearchRequest request;
        request.query = "brigade river town";
        const auto loose = run(request);
        REQUIRE(hit_of(loose, "wire") != nullptr);
        REQUIRE(hit_of(loose, "wire-copy") != nullptr);
        CHECK(hit_of(loose, "wire")->story == hit_of(loose, "wire-copy")->story);

        request.collapse = true;
        request.facets = true;
        const auto collapsed = run(request);
        const bool wire_shown = hit_of(collapsed, "wire") != nullptr;
        CHECK(wire_shown != (hit_of(collapsed, "wire-copy") != nullptr));  // exactly one of them
        const auto& top = collapsed.hits.front();
        CHECK((top.report.id == "wire" || top.report.id == "wire-copy"));
        CHECK(top.folded_total == 1);
        REQUIRE(top.folded.size() == 1);
        CHECK(top.folded[0].id == (top.report.id == "wire" ? "wire-copy" : "wire"));
        CHECK(collapsed.total == loose.total - 1);
        // The story facet counts stories: the two copies once.
        REQUIRE(collapsed.facets);
        CHECK(collapsed.facets->stories == loose.total - 1);
        REQUIRE(collapsed.facets->story.size() == 1);
        CHECK(collapsed.facets->story[0].count == 2);

        const auto text = search::to_text(collapsed, false);
        CHECK(text.find("and 1 more: ") != std::string::npos);
        const auto json = search::to_json(collapsed);
        CHECK(json["results"][0]["folded_count"] == 1);
        CHECK(json["results"][0]["folded"][0].contains("outlet"));
        CHECK(json["facets"]["stories"] == loose.total - 1);
    }

    TEST_CASE("relevance: unrelated reports are each their own story") {
        // Same outlet, same date, the same opening words: still two stories.
        const auto response = run("officials");
        std::set<std::string> stories;
        for (const auto& hit : response.hits) {
            CHECK_FALSE(hit.story.empty());
            stories.insert(hit.story);
        }
        CHECK(stories.size() == response.hits.size() - 1);  // only the wire copy shares one
        CHECK(hit_of(response, "weather")->story == "weather");
        CHECK(hit_of(response, "football")->story == "football");
    }

    TEST_CASE("relevance: --similar finds the reports most like one, itself excluded") {
        search::SearchRequest request;
        request.similar = "wire";
        const auto response = run(request);
        REQUIRE_FALSE(response.hits.empty());
        CHECK(response.hits.front().report.id == "wire-copy");
        CHECK(hit_of(response, "wire") == nullptr);
        CHECK(search::to_json(response)["similar"] == "wire");

        request.similar = "no-such-report";
        auto searcher = search::Searcher::open(testing::relevance_index().db);
        REQUIRE(searcher);
        auto missing = searcher->search(request);
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::Query);
        CHECK(missing.error().message.find("no-such-report") != std::string::npos);
    }

    TEST_CASE("relevance: --explain gives each clause's weight, summing to the result's") {
        search::SearchRequest request;
        request.query = "withdrawal brigade";
        request.explain = true;
        const auto response = run(request);
        REQUIRE_FALSE(response.hits.empty());
        for (const auto& hit : response.hits) {
            CAPTURE(hit.report.id);
            REQUIRE_FALSE(hit.explain.empty());
            CHECK(explained_weight(hit) == doctest::Approx(hit.weight).epsilon(1e-6));
        }
        const auto* retreat = hit_of(response, "retreat");
        REQUIRE(retreat != nullptr);
        REQUIRE(retreat->explain.size() == 1);
        CHECK(retreat->explain[0].clause.find("SYNONYM") != std::string::npos);
        CHECK(retreat->explain[0].matched == std::vector<std::string>{"Zretreat"});

        const auto text = search::explain_text(response);
        CHECK(text.find("parsed:   (or (word withdrawal) (word brigade))") != std::string::npos);
        CHECK(text.find("xapian:   Query(") != std::string::npos);
        CHECK(text.find("[matched: Zretreat]") != std::string::npos);
        const auto json = search::explain_json(response);
        CHECK(json["parsed"] == "(or (word withdrawal) (word brigade))");
        CHECK(search::to_json(response)["results"][0]["explain"][0].contains("weight"));
    }

    TEST_CASE("relevance: feedback re-ranks long queries and never changes what matches") {
        search::SearchRequest request;
        request.query = "brigade left river town after weeks of fighting";
        const auto with = run(request);
        CHECK_FALSE(with.feedback_terms.empty());
        request.feedback = false;
        const auto without = run(request);
        CHECK(without.feedback_terms.empty());
        CHECK(with.total == without.total);
        CHECK(ids(with) == ids(without));
        CHECK(run("brigade river").feedback_terms.empty());  // short queries are left alone
    }

    TEST_CASE("relevance: with feedback, --explain's clauses still sum to each result's weight") {
        // The re-rank weighs the expansion words itself (rerank.cpp); --explain asks Xapian.
        search::SearchRequest request;
        request.query = "officials said brigade left river town after weeks fighting";
        request.explain = true;
        const auto response = run(request);
        REQUIRE_FALSE(response.feedback_terms.empty());
        REQUIRE_FALSE(response.hits.empty());
        bool expanded = false;
        for (const auto& hit : response.hits) {
            CAPTURE(hit.report.id);
            CHECK(explained_weight(hit) == doctest::Approx(hit.weight).epsilon(1e-6));
            expanded = expanded || explained_any(hit, response.feedback_terms);
        }
        CHECK(expanded);  // some result has a feedback word, which its weight counts
    }

    TEST_CASE("relevance: with feedback, page after page is the whole ranking cut in pieces") {
        // Feedback re-ranks from each page's own search: the pages must still add up to the
        // whole ranking, and each count must be the query's own.
        search::SearchRequest request;
        request.query = "officials said brigade left river town after weeks fighting";
        const auto whole = run(request);
        REQUIRE_FALSE(whole.feedback_terms.empty());
        REQUIRE(whole.hits.size() >= 6);
        std::vector<std::string> paged;
        auto searcher = open_searcher();
        for (int offset = 0; offset < static_cast<int>(whole.hits.size()); offset += 2) {
            request.offset = offset;
            request.limit = 2;
            const auto page = searcher.search(request);
            REQUIRE(page);
            CHECK(page->total == whole.total);
            for (const auto& hit : page->hits) {
                paged.push_back(hit.report.id);
            }
        }
        std::vector<std::string> ranked;
        for (const auto& hit : whole.hits) {
            ranked.push_back(hit.report.id);
        }
        CHECK(paged == ranked);
    }
}
