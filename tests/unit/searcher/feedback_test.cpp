// Pseudo-relevance feedback on a small in-memory index: which words it adds, and that it adds
// nothing when the best matches share nothing.
#include "searcher/feedback.hpp"

#include "common/body_stems.hpp"
#include "common/schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace gazette;

namespace {

/// One report per string: each word is a stemmed body term ("Z" + word).
Xapian::WritableDatabase database_of(const std::vector<std::string>& reports) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& text : reports) {
        Xapian::Document doc;
        std::size_t start = 0;
        while (start < text.size()) {
            const auto end = std::min(text.find(' ', start), text.size());
            doc.add_term(std::string(schema::prefix::kStemmed) + text.substr(start, end - start));
            start = end + 1;
        }
        db.add_document(doc);
    }
    return db;
}

/// The same reports, each keeping the stems of `kept` (its words by default) in the value that
/// feedback reads instead of the term list.
Xapian::WritableDatabase database_with_stems(const std::vector<std::string>& reports,
                                             std::vector<std::string> kept = {}) {
    if (kept.empty()) {
        kept = reports;
    }
    auto db = database_of(reports);
    const auto stems = database_of(kept);
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
        Xapian::Document doc = db.get_document(id);
        doc.add_value(schema::slot(schema::Slot::BodyStems),
                      body_stems::encode(stems.get_document(id)));
        db.replace_document(id, doc);
    }
    return db;
}

bool has(const std::vector<std::string>& terms, const std::string& word) {
    return std::find(terms.begin(), terms.end(), std::string(schema::prefix::kStemmed) + word) !=
           terms.end();
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("feedback: adds words the best matches share, not one report's own or the query's") {
        const auto db = database_of({"brigade ceasefire truce zebra",
                                     "brigade ceasefire truce",
                                     "brigade ceasefire harbour",
                                     "market shares bonds",
                                     "market bonds yields",
                                     "weather rain"});
        const Xapian::Query query(std::string(schema::prefix::kStemmed) + "brigade");
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        const search::FeedbackParams params;
        const auto feedback = search::with_feedback(enquire, db, query, params);
        CHECK(has(feedback.terms, "ceasefire"));      // in all three matches
        CHECK(has(feedback.terms, "truce"));          // in two
        CHECK_FALSE(has(feedback.terms, "zebra"));    // one report's own word
        CHECK_FALSE(has(feedback.terms, "harbour"));  // likewise
        CHECK_FALSE(has(feedback.terms, "brigade"));  // already asked for
        CHECK_FALSE(has(feedback.terms, "market"));   // not in a match
        // Ceasefire is in more matches than truce: it weighs more, and comes first.
        REQUIRE(feedback.terms.size() == 2);
        CHECK(feedback.terms.front() == std::string(schema::prefix::kStemmed) + "ceasefire");
    }

    TEST_CASE("feedback: the query is left as it is when the best matches share no word") {
        const auto db = database_of({"brigade zebra", "brigade harbour", "market bonds"});
        const Xapian::Query query(std::string(schema::prefix::kStemmed) + "brigade");
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        const auto feedback = search::with_feedback(enquire, db, query, search::FeedbackParams{});
        CHECK(feedback.terms.empty());
        CHECK(feedback.query.get_description() == query.get_description());
    }

    TEST_CASE("feedback: only the most used candidates are looked up") {
        // Lookups capped at one: the word the matches use most (ceasefire) is the one kept.
        const auto db = database_of(
            {"brigade ceasefire ceasefire truce", "brigade ceasefire truce", "market bonds"});
        const Xapian::Query query(std::string(schema::prefix::kStemmed) + "brigade");
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        search::FeedbackParams params;
        params.lookups = 1;
        const auto feedback = search::with_feedback(enquire, db, query, params);
        REQUIRE(feedback.terms.size() == 1);
        CHECK(feedback.terms.front() == std::string(schema::prefix::kStemmed) + "ceasefire");
    }

    TEST_CASE("feedback: a word in most reports of a large database is not added") {
        // 1,503 reports: the three matches share `ceasefire` (3 reports) and `common` (1,203:
        // 80%, a long posting list that would weigh little).
        std::vector<std::string> reports(3, "brigade ceasefire common");
        reports.insert(reports.end(), 1200, "common filler");
        reports.insert(reports.end(), 300, "other filler");
        const auto db = database_of(reports);
        const Xapian::Query query(std::string(schema::prefix::kStemmed) + "brigade");
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        search::FeedbackParams params;
        const auto capped = search::with_feedback(enquire, db, query, params);
        CHECK(has(capped.terms, "ceasefire"));
        CHECK_FALSE(has(capped.terms, "common"));
        params.max_share = 1.0;  // no cap: `common` still weighs something, and is added
        const auto uncapped = search::with_feedback(enquire, db, query, params);
        CHECK(has(uncapped.terms, "ceasefire"));
        CHECK(has(uncapped.terms, "common"));
    }

    TEST_CASE("feedback: the best matches' words come from their kept stems when they have them") {
        const std::vector<std::string> reports = {"brigade ceasefire truce zebra",
                                                  "brigade ceasefire truce",
                                                  "brigade ceasefire harbour",
                                                  "market shares bonds"};
        const Xapian::Query query(std::string(schema::prefix::kStemmed) + "brigade");
        const auto terms_of = [&](const Xapian::Database& db) {
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            return search::with_feedback(enquire, db, query, search::FeedbackParams{}).terms;
        };
        // Kept stems that are the whole term list: the same words as from the term lists.
        const auto from_lists = terms_of(database_of(reports));
        CHECK(terms_of(database_with_stems(reports)) == from_lists);
        CHECK(has(from_lists, "ceasefire"));
        // Kept stems without "ceasefire": it is not read from the term lists either.
        const auto kept = terms_of(database_with_stems(
            reports, {"brigade truce zebra", "brigade truce", "brigade harbour", "market"}));
        CHECK_FALSE(has(kept, "ceasefire"));
        CHECK(has(kept, "truce"));
    }
}
