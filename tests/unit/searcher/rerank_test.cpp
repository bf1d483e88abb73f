// Feedback's re-rank of the best matches (searcher/rerank): the weights Xapian's BM25 would give
// OP_AND_MAYBE(query, expansion), and the cut after the matches it re-ranks.
#include "searcher/rerank.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace gazette;

namespace {

using testing::database_of;  // one report per entry: each word once more for each repeat

const search::Bm25Params kBm25{1.2, 0.75, 0.5};

Xapian::MSet matches_of(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25.k1, 0, 1, kBm25.b, kBm25.min_normlen));
    return enquire.get_mset(0, db.get_doccount());
}

/// The expansion as feedback makes it: each term with its scale and frequency.
search::Feedback expansion_of(const Xapian::Database& db,
                              const Xapian::Query& query,
                              const std::vector<std::pair<std::string, double>>& terms) {
    search::Feedback feedback{query, {}, {}, {}};
    std::vector<Xapian::Query> scaled;
    for (const auto& [term, scale] : terms) {
        feedback.terms.push_back(term);
        feedback.scales.push_back(scale);
        feedback.frequencies.push_back(db.get_termfreq(term));
        scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), scale);
    }
    feedback.query =
        Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                      query,
                      Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end()));
    return feedback;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("rerank: every match re-ranked weighs what Xapian gives the query with feedback") {
        // Reports of different lengths, with the words more or less often, and "truce" in more
        // than half of them (where Xapian floors a word's weight).
        const auto db = database_of({{"brigade", "truce", "truce", "river"},
                                     {"brigade", "brigade", "ceasefire", "truce", "a", "b", "c"},
                                     {"brigade", "ceasefire", "ceasefire", "ceasefire"},
                                     {"brigade", "market"},
                                     {"brigade", "truce", "x", "y", "z", "w", "v", "u", "t"},
                                     {"truce", "weather"},
                                     {"truce", "rain"}});
        const Xapian::Query query("brigade");
        const auto feedback = expansion_of(db, query, {{"ceasefire", 0.3}, {"truce", 0.17}});
        const auto reranked =
            search::rerank(matches_of(db, query), db.get_doccount(), feedback, db, kBm25);
        const auto expected = matches_of(db, feedback.query);
        REQUIRE(reranked.size() == expected.size());
        auto it = expected.begin();
        for (const auto& match : reranked) {
            CAPTURE(*it);
            CHECK(*match.match == *it);
            CHECK(match.weight == doctest::Approx(it.get_weight()).epsilon(1e-9));
            ++it;
        }
    }

    TEST_CASE("rerank: only the best matches are re-ranked, the rest keep the query's order") {
        // "brigade" ranks the short reports first; the expansion word lifts the last ones.
        const auto db = database_of({{"brigade"},
                                     {"brigade", "a"},
                                     {"brigade", "a", "b", "ceasefire"},
                                     {"brigade", "a", "b", "c", "ceasefire"},
                                     {"other"}});
        const Xapian::Query query("brigade");
        const auto matches = matches_of(db, query);
        const auto feedback = expansion_of(db, query, {{"ceasefire", 1.0}});
        const auto ids = [](const std::vector<search::RankedMatch>& ranked) {
            std::vector<Xapian::docid> out;
            for (const auto& m : ranked) {
                out.push_back(*m.match);
            }
            return out;
        };
        CHECK(ids(search::as_ranked(matches)) == std::vector<Xapian::docid>{1, 2, 3, 4});
        // All four: both reports with the word come first.
        CHECK(ids(search::rerank(matches, 4, feedback, db, kBm25)) ==
              std::vector<Xapian::docid>{3, 4, 1, 2});
        // The first three: report 3 rises above them; report 4, after the cut, stays last.
        const auto head = search::rerank(matches, 3, feedback, db, kBm25);
        CHECK(ids(head) == std::vector<Xapian::docid>{3, 1, 2, 4});
        CHECK(head.back().weight == doctest::Approx(matches.back().get_weight()));
        // Each keeps the query's own percentage.
        CHECK(head.front().percent == matches[2].get_percent());
        // No expansion: the query's own order and weights.
        const search::Feedback none{query, {}, {}, {}};
        CHECK(ids(search::rerank(matches, 4, none, db, kBm25)) ==
              std::vector<Xapian::docid>{1, 2, 3, 4});
    }

    TEST_CASE("rerank: a ranking Xapian re-ranked keeps each report's percentage for the query") {
        const auto db = database_of({{"brigade"}, {"brigade", "a", "ceasefire"}, {"ceasefire"}});
        const Xapian::Query query("brigade");
        const auto matches = matches_of(db, query);
        // As over remote shards: Xapian's own OR, so the report with only "ceasefire" matches too.
        const Xapian::Query either(Xapian::Query::OP_OR, query, Xapian::Query("ceasefire"));
        const auto ranked = search::as_ranked(matches_of(db, either), matches);
        REQUIRE(ranked.size() == 3);
        for (const auto& match : ranked) {
            CAPTURE(*match.match);
            if (*match.match == 3) {
                // Not a match of the query: its weight on the query's scale, at most 100.
                CHECK(match.percent == std::min(100, matches.convert_to_percent(match.weight)));
            } else {
                const auto own = matches[*match.match == 1 ? 0 : 1];
                CHECK(*own == *match.match);
                CHECK(match.percent == own.get_percent());
            }
        }
    }
}
