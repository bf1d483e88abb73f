// The frequencies a searcher remembers for feedback: looked up once, bounded, and forgotten when
// the searcher moves to a new revision of the database.
#include "searcher/term_frequencies.hpp"

#include "indexer/indexing_run.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace gazette;

namespace {

Xapian::Document document_with(const std::vector<std::string>& terms) {
    Xapian::Document doc;
    for (const auto& term : terms) {
        doc.add_term(term);
    }
    return doc;
}

/// JSON Lines of reports `first`, `first + 1`, ... with these bodies.
std::string feed_of(int first, const std::vector<std::string>& bodies) {
    std::string feed;
    for (const auto& body : bodies) {
        const std::string id = "r" + std::to_string(first++);
        feed += R"({"id": ")" + id + R"(", "title": "Report )" + id + R"(", "body": ")" + body +
                "\"}\n";
    }
    return feed;
}

void index_into(const std::string& db, const std::string& feed) {
    indexer::IndexRunOptions options;
    options.db_path = db;
    options.paths = {feed};
    auto summary = indexer::run_indexing(options, [](const InputProblem&) {});
    REQUIRE(summary);
    REQUIRE(summary->added > 0);
}

bool added_word(const search::SearchResponse& response, const std::string& stem) {
    return std::any_of(response.feedback_terms.begin(),
                       response.feedback_terms.end(),
                       [&](const std::string& term) { return term == "Z" + stem; });
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("term frequencies: looked up once, then remembered until forgotten") {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        db.add_document(document_with({"Zceasefir", "Ztruce"}));
        db.add_document(document_with({"Zceasefir"}));
        search::TermFrequencies frequencies;
        CHECK(frequencies.of(db, "Zceasefir") == 2);
        CHECK(frequencies.of(db, "Ztruce") == 1);
        CHECK(frequencies.of(db, "Zabsent") == 0);
        CHECK(frequencies.size() == 3);
        db.add_document(document_with({"Zceasefir"}));
        CHECK(frequencies.of(db, "Zceasefir") == 2);  // remembered: the caller forgets on reopen
        frequencies.forget();
        CHECK(frequencies.size() == 0);
        CHECK(frequencies.of(db, "Zceasefir") == 3);
    }

    TEST_CASE("term frequencies: never more than the capacity, and still right past it") {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        db.add_document(document_with({"Za", "Zb", "Zc"}));
        db.add_document(document_with({"Zb", "Zc"}));
        db.add_document(document_with({"Zc"}));
        search::TermFrequencies frequencies(2);
        for (int round = 0; round < 3; ++round) {
            CHECK(frequencies.of(db, "Za") == 1);
            CHECK(frequencies.of(db, "Zb") == 2);
            CHECK(frequencies.of(db, "Zc") == 3);
            CHECK(frequencies.size() <= 2);
        }
    }

    TEST_CASE("term frequencies: a refreshed searcher weighs feedback words by the new revision") {
        // Three reports answer the question and share `ceasefire`, in 3 of 10 reports. Ten more
        // reports with `ceasefire` make it a word of 13 in 20, over the cap of half the reports:
        // after a refresh, feedback must see 13, not the 3 it looked up before.
        testing::TempDir dir;
        const std::string db = dir / "db";
        std::vector<std::string> first = {
            "The brigade moved artillery and a convoy to the border as the ceasefire talks "
            "stalled.",
            "A convoy of the brigade crossed the border with artillery; the ceasefire held.",
            "Artillery fire near the border hit a brigade convoy despite the ceasefire.",
        };
        for (int i = 0; i < 7; ++i) {
            first.push_back("Markets rallied as bond yields fell, trader " + std::to_string(i) +
                            " said.");
        }
        index_into(db, dir.write("first.jsonl", feed_of(0, first)));
        auto searcher = search::Searcher::open(db);
        REQUIRE(searcher);
        searcher->ranking.feedback.long_list = 0;  // the share cap applies at any size
        searcher->ranking.feedback.max_share = 0.5;
        search::SearchRequest request;
        request.query = "brigade artillery convoy border crossing";
        request.snippets = false;
        const auto before = searcher->search(request);
        REQUIRE(before);
        CHECK(added_word(*before, "ceasefir"));

        std::vector<std::string> more;
        for (int i = 0; i < 10; ++i) {
            more.push_back("Diplomats said the ceasefire held on day " + std::to_string(i) + ".");
        }
        index_into(db, dir.write("more.jsonl", feed_of(100, more)));
        REQUIRE(searcher->refresh());
        const auto after = searcher->search(request);
        REQUIRE(after);
        CHECK_FALSE(added_word(*after, "ceasefir"));
    }
}
