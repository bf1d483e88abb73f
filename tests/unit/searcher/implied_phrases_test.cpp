#include "searcher/implied_phrases.hpp"

#include "indexer/document_builder.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace gazette;

namespace {

using Q = Xapian::Query;

Q phrase(const std::vector<std::string>& words) {
    std::vector<Q> parts(words.begin(), words.end());
    return Q(Q::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

std::vector<std::string> descriptions(const std::vector<Q>& queries) {
    std::vector<std::string> out;
    for (const auto& q : queries) {
        out.push_back(q.get_description());
    }
    return out;
}

std::vector<std::string> kept(const std::vector<Q>& alternatives) {
    return descriptions(search::without_implied_phrases(alternatives, text::thread_analyzer()));
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Q& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<Xapian::docid> ids;
    for (const auto id : enquire.get_mset(0, db.get_doccount())) {
        ids.insert(id);
    }
    return ids;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("implied phrases: a phrase beside one of its words' stems is dropped") {
        const std::vector<Q> alternatives{
            phrase({"donald", "trump"}), Q("Zdonaldtrump"), Q("Ztrump")};
        CHECK(kept(alternatives) == descriptions({Q("Zdonaldtrump"), Q("Ztrump")}));
        // A word given as its forms (the synonym expander's "pulled back"), all of one stem.
        const Q pulled(Q::OP_OR, Q("pulled"), Q("pulling"));
        const Q forms(Q::OP_PHRASE, pulled, Q("back"));
        CHECK(kept({forms, Q("Zpull")}) == descriptions({Q("Zpull")}));
    }

    TEST_CASE("implied phrases: a phrase holding a shorter phrase alternative is dropped") {
        const std::vector<Q> alternatives{phrase({"united", "states"}),
                                          Q("Zus"),
                                          phrase({"united", "states", "of", "america"}),
                                          phrase({"states", "of", "america"})};
        // "states of america" holds neither "united states" nor a stem alternative: kept.
        CHECK(kept(alternatives) ==
              descriptions(
                  {phrase({"united", "states"}), Q("Zus"), phrase({"states", "of", "america"})}));
        // Words apart, or in another order, are not a run: kept.
        const auto apart = phrase({"united", "the", "states"});
        const auto reversed = phrase({"states", "united"});
        CHECK(kept({phrase({"united", "states"}), apart, reversed}).size() == 3);
    }

    TEST_CASE("implied phrases: what another alternative does not imply is kept") {
        // Zus is no word of "united states"; Sdonald is a title term, not a body word.
        CHECK(kept({phrase({"united", "states"}), Q("Zus"), Q("Zusa")}).size() == 3);
        CHECK(kept({phrase({"Sdonald", "Strump"}), Q("Zdonald")}).size() == 2);
        // Forms of two stems ("pull" and "back") say nothing of either.
        const Q mixed(Q::OP_OR, Q("pull"), Q("back"));
        CHECK(kept({Q(Q::OP_PHRASE, mixed, Q("out")), Q("Zpull")}).size() == 2);
        CHECK(kept({}).empty());
    }

    TEST_CASE("implied phrases: the synonym matches the same reports without them") {
        // Reports indexed as gazette-index indexes them: every word also as its stem.
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        const std::vector<std::string> bodies{
            "Donald Trump spoke in the United States of America.",
            "Trump and the states: a united front.",
            "Donald Duck visited the United States.",
            "The states of America, united.",
            "President Trump's trip.",
            "Nothing about it here.",
        };
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            Report report;
            report.id = "r" + std::to_string(i);
            report.body = bodies[i];
            db.add_document(indexer::build_document(report, "hash", text::thread_analyzer()));
        }
        const std::vector<std::vector<Q>> groups{
            {phrase({"donald", "trump"}), Q("Zdonaldtrump"), Q("Ztrump")},
            {phrase({"united", "states"}), Q("Zus"), phrase({"united", "states", "of", "america"})},
        };
        for (const auto& group : groups) {
            const auto pruned = search::without_implied_phrases(group, text::thread_analyzer());
            REQUIRE(pruned.size() < group.size());
            const Q before(Q::OP_SYNONYM, group.begin(), group.end());
            const Q after(Q::OP_SYNONYM, pruned.begin(), pruned.end());
            CHECK(matches(db, before) == matches(db, after));
            CHECK_FALSE(matches(db, after).empty());
        }
    }
}
