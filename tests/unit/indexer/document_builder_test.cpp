#include "indexer/document_builder.hpp"

#include "common/body_stems.hpp"
#include "common/schema.hpp"
#include "common/stored_report.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace gazette;

namespace {

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        terms.insert(*it);
    }
    return terms;
}

Report sample() {
    Report r;
    r.id = "004_c601d5b61a287260";
    r.title = "Troops withdrawn";
    r.outlet = "Euromaidan Press";
    r.author = "Yuri Zoria";
    r.date = CalendarDate{2025, 1, 31};
    r.body = "North Korean troops withdrew.\nCasualties mount.";
    r.source = "corpus/reports/004.txt";
    return r;
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("document_builder: the terms and slots the searcher relies on") {
        text::Analyzer analyzer;
        const auto doc = indexer::build_document(sample(), "hash1", analyzer);
        const auto terms = terms_of(doc);
        for (const char* required : {"Q004_c601d5b61a287260",
                                     "XOeuromaidan press",
                                     "XAyuri zoria",
                                     "Y2025",
                                     "M202501",
                                     "D20250131",
                                     "north",
                                     "Znorth",
                                     "Zwithdrew",
                                     "Stroops",
                                     "ZStroop",
                                     "troops",
                                     "casualties",
                                     "Zcasualti"}) {
            CAPTURE(required);
            CHECK(terms.count(required) == 1);
        }
        CHECK(doc.get_value(schema::slot(schema::Slot::Date)) == "20250131");
        CHECK(doc.get_value(schema::slot(schema::Slot::Outlet)) == "Euromaidan Press");
        CHECK(doc.get_value(schema::slot(schema::Slot::ContentHash)) == "hash1");
        auto stored = load_report(doc, WithBody::Yes);
        REQUIRE(stored);
        CHECK(stored->body == sample().body);
        CHECK(stored->title == sample().title);
        // The body is the data, the rest a record of its own: a hit without snippet reads no body.
        CHECK(doc.get_data() == sample().body);
        auto without = load_report(doc, WithBody::No);
        REQUIRE(without);
        CHECK(without->body.empty());
        CHECK(without->outlet == sample().outlet);
    }

    TEST_CASE("document_builder: mentioned dates become filter terms and facet slots") {
        text::Analyzer analyzer;
        Report r = sample();
        r.mentioned_dates = {
            {CalendarDate{2025, 1, 19},
             CalendarDate{2025, 1, 19},
             DateGranularity::Day,
             "on Jan. 19",
             0},
            {CalendarDate{2024, 6, 1},
             CalendarDate{2024, 8, 31},
             DateGranularity::Season,
             "last summer",
             20},
            {CalendarDate{2025, 1, 13},
             CalendarDate{2025, 1, 13},
             DateGranularity::Day,
             "as of Jan. 13",
             40},
        };
        const auto doc = indexer::build_document(r, "h", analyzer);
        const auto terms = terms_of(doc);
        for (const char* required :
             {"XMD20250119", "XMD20250113", "XMM202501", "XMY2025", "XMY2024"}) {
            CAPTURE(required);
            CHECK(terms.count(required) == 1);
        }
        CHECK(terms.count("XMM202406") == 0);  // a season is not as precise as a month
        // Distinct months (from day, week and month mentions) and years, joined for the facet.
        CHECK(doc.get_value(schema::slot(schema::Slot::MentionMonths)) == "2025-01");
        CHECK(doc.get_value(schema::slot(schema::Slot::MentionYears)) == "2024 2025");
        // A report that mentions nothing has neither.
        const auto plain = indexer::build_document(sample(), "h", analyzer);
        CHECK(plain.get_value(schema::slot(schema::Slot::MentionMonths)).empty());
        CHECK(plain.get_value(schema::slot(schema::Slot::MentionYears)).empty());
        auto stored = load_report(doc, WithBody::No);
        REQUIRE(stored);
        CHECK(stored->mentioned_dates.size() == 3);
    }

    TEST_CASE("document_builder: title words count more than body words, in the same terms") {
        text::Analyzer analyzer;
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        db.add_document(indexer::build_document(sample(), "h", analyzer));
        CHECK(db.get_document(1).termlist_begin() != db.get_document(1).termlist_end());
        auto wdf = [&](const std::string& term) {
            auto it = db.postlist_begin(term);
            return it == db.postlist_end(term) ? 0U : it.get_wdf();
        };
        CHECK(wdf("Ztroop") == schema::kTitleWdf + 1);  // once in the title, once in the body
        CHECK(wdf("Zmount") == 1);
    }

    TEST_CASE("document_builder: the body's stems are kept for feedback, most used first") {
        text::Analyzer analyzer;
        const Xapian::Document doc = indexer::build_document(sample(), "h", analyzer);
        std::vector<std::pair<std::string, Xapian::termcount>> stems;
        CHECK(body_stems::for_each(doc.get_value(schema::slot(schema::Slot::BodyStems)),
                                   [&](std::string_view term, Xapian::termcount wdf) {
                                       stems.emplace_back(std::string(term), wdf);
                                   }));
        REQUIRE(stems.size() >= 3);
        CHECK(stems.front() == std::make_pair(std::string("Ztroop"), schema::kTitleWdf + 1));
        CHECK(stems[1] == std::make_pair(std::string("Zwithdrawn"), schema::kTitleWdf));
        CHECK(stems.back().second == 1);
    }

    TEST_CASE("document_builder: phrases do not run across paragraphs or into the title") {
        text::Analyzer analyzer;
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        db.add_document(indexer::build_document(sample(), "h", analyzer));
        Xapian::Enquire enquire(db);
        const auto phrase = [&](const char* a, const char* b) {
            enquire.set_query(
                Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query(a), Xapian::Query(b)));
            return enquire.get_mset(0, 10).size();
        };
        CHECK(phrase("korean", "troops") == 1);
        CHECK(phrase("withdrew", "casualties") == 0);
        CHECK(phrase("withdrawn", "north") == 0);
    }

    TEST_CASE("document_builder: an undated report without outlet has no such terms") {
        text::Analyzer analyzer;
        Report r;
        r.id = "002";
        r.body = "Text.";
        const auto doc = indexer::build_document(r, "h", analyzer);
        for (const auto& term : terms_of(doc)) {
            CAPTURE(term);
            CHECK(term.rfind("XO", 0) != 0);
            CHECK(term.rfind("D", 0) != 0);
        }
        CHECK(doc.get_value(schema::slot(schema::Slot::Date)).empty());
    }
}

TEST_SUITE("indexer") {
    TEST_CASE("document_builder: a hyphenated compound is also one stemmed word") {
        // Issue 5: "human waves" must find "human-wave attacks"; "frontline" finds "front-line".
        text::Analyzer analyzer;
        Report r = sample();
        r.title = "Front-line report";
        r.body = "They used human-wave attacks. A long-range drone hit a well known depot.";
        const auto terms = terms_of(indexer::build_document(r, "h", analyzer));
        for (const char* required :
             {"Zhumanwav", "Zlongrang", "ZSfrontlin", "Zfrontlin", "human", "wave"}) {
            CAPTURE(required);
            CHECK(terms.count(required) == 1);
        }
        CHECK(terms.count("Zwellknown") == 0);  // words apart are not a compound
    }
}
