// The facets' counting pass: our own spy and Xapian's stock spies (used over remote shards)
// give the same counts.
#include "searcher/slot_counts.hpp"

#include "common/schema.hpp"
#include "searcher/facets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

using gazette::search::SlotCounts;

namespace {

std::map<std::string, Xapian::doccount> as_map(const gazette::search::CountTable& table) {
    std::map<std::string, Xapian::doccount> out;
    table.for_each(
        [&](std::string_view value, Xapian::doccount count) { out[std::string(value)] = count; });
    return out;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("slot_counts: our spy (facet record or slots) and the stock spies count the same") {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        const char* outlets[] = {"BBC", "Reuters", "BBC", "", "AP", "BBC"};
        const char* first[] = {"Kyiv", "Kursk", "", "Kyiv", "Kursk", "Puls"};
        const char* second[] = {"Kursk", "", "", "Puls", "", ""};
        for (int i = 0; i < 6; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term(i == 4 ? "Qskip" : "Qall");
            doc.add_value(1, outlets[i]);
            doc.add_value(20, first[i]);
            doc.add_value(21, second[i]);
            if (i % 2 == 0) {  // the others count from their slots, as if indexed before records
                doc.add_value(gazette::schema::slot(gazette::schema::Slot::FacetRecord),
                              gazette::schema::facet_record(doc));
            }
            db.add_document(doc);
        }
        std::map<std::string, Xapian::doccount> results[2];
        Xapian::doccount totals[2] = {};
        int run = 0;
        for (const auto counter : {SlotCounts::Counter::Own, SlotCounts::Counter::Stock}) {
            SlotCounts counts(counter);
            const auto outlet = counts.add({1});
            const auto places = counts.add({20, 21});
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query("Qall"));
            counts.attach(enquire, db);
            (void)enquire.get_mset(0, 0, db.get_doccount());
            for (const auto& [value, count] : as_map(counts.table(outlet))) {
                results[run]["outlet:" + value] = count;
            }
            for (const auto& [value, count] : as_map(counts.table(places))) {
                results[run]["place:" + value] = count;
            }
            totals[run] = counts.table(outlet).total();
            ++run;
        }
        CHECK(results[0] == results[1]);
        CHECK(totals[0] == totals[1]);
        CHECK(results[0]["outlet:BBC"] == 3);
        CHECK(results[0].count("outlet:AP") == 0);  // its report does not match
        CHECK(results[0]["place:Kursk"] == 2);      // first slot once, second slot once
        CHECK(results[0]["place:Kyiv"] == 2);
        CHECK(results[0]["place:Puls"] == 2);
        CHECK(totals[0] == 4);  // one match has no outlet
    }
}

TEST_SUITE("searcher") {
    TEST_CASE("slot_counts: over several shards in one database, and past the end") {
        // Several shards in one Database: each match's record is looked up (slot_counts.cpp).
        Xapian::WritableDatabase shards[2] = {
            Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY),
            Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)};
        for (int i = 0; i < 40; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term(i % 3 == 0 ? "Qskip" : "Qall");
            doc.add_value(1, i % 2 == 0 ? "BBC" : "AP");
            if (i % 5 != 4) {  // a few reports without a record: counted from their slots
                doc.add_value(gazette::schema::slot(gazette::schema::Slot::FacetRecord),
                              gazette::schema::facet_record(doc));
            }
            shards[i < 30 ? 0 : 1].add_document(doc);  // the last shard ends before the other
        }
        Xapian::Database db;
        db.add_database(shards[0]);
        db.add_database(shards[1]);
        std::map<std::string, Xapian::doccount> results[2];
        int run = 0;
        for (const auto counter : {SlotCounts::Counter::Own, SlotCounts::Counter::Stock}) {
            SlotCounts counts(counter);
            const auto outlet = counts.add({1});
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query("Qall"));
            counts.attach(enquire, db);
            (void)enquire.get_mset(0, 0, db.get_doccount());
            results[run++] = as_map(counts.table(outlet));
        }
        CHECK(results[0] == results[1]);
        CHECK(results[0]["BBC"] == 13);  // even i, not a multiple of 3: 20 - 7
        CHECK(results[0]["AP"] == 13);   // odd i, not a multiple of 3: 20 - 7
    }
}

TEST_SUITE("common") {
    TEST_CASE("schema: the facet record holds the facet slots in order, or nothing") {
        Xapian::Document doc;
        doc.add_value(gazette::schema::slot(gazette::schema::Slot::Outlet), "BBC");
        doc.add_value(gazette::schema::slot(gazette::schema::Slot::Date), "20240806");
        doc.add_value(gazette::schema::entity_slot(gazette::EntityType::Place, 0), "Kursk");
        const std::string record = gazette::schema::facet_record(doc);
        const auto fields = gazette::schema::facet_record_slots().size();
        CHECK(std::count(record.begin(), record.end(), gazette::schema::kFacetRecordSeparator) ==
              static_cast<long>(fields - 1));
        CHECK(record.rfind("BBC\x1f"
                           "20240806\x1f",
                           0) == 0);
        CHECK(record.find("\x1fKursk\x1f") != std::string::npos);
        // A value holding the separator: no record, the slots are read instead.
        doc.add_value(gazette::schema::slot(gazette::schema::Slot::Outlet),
                      "B\x1f"
                      "BC");
        CHECK(gazette::schema::facet_record(doc).empty());
    }

    TEST_CASE("facets: the story facet lists the ten biggest stories of several reports") {
        // Stories s00..s13: story k has 1 + k % 5 reports, one report has no story key.
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        Xapian::doccount reports = 0;
        for (int k = 0; k < 14; ++k) {
            for (int r = 0; r <= k % 5; ++r) {
                Xapian::Document doc;
                if (k < 3) {
                    doc.add_boolean_term("Qsmall");  // s00 (one report), s01, s02
                }
                doc.add_value(gazette::schema::slot(gazette::schema::Slot::StoryKey),
                              (k < 10 ? "s0" : "s1") + std::to_string(k % 10));
                db.add_document(doc);
                ++reports;
            }
        }
        db.add_document(Xapian::Document());
        ++reports;
        using Listed = std::vector<std::pair<std::string, Xapian::doccount>>;
        const auto stories_of = [&db](const Xapian::Query& query, Xapian::doccount total) {
            SlotCounts counts(SlotCounts::Counter::Own);
            const gazette::search::FacetCollector collector(counts);
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            counts.attach(enquire, db);
            (void)enquire.get_mset(0, 0, db.get_doccount());
            counts.finish();
            const auto facets = collector.result(total);
            Listed listed;
            for (const auto& story : facets.story) {
                listed.emplace_back(story.value, story.count);
            }
            return std::make_pair(facets.stories, listed);
        };
        // By size, then key: 5 reports (s04, s09), 4 (s03, s08, s13), 3 (s02, s07, s12),
        // 2 (s01, s06, s11: s11 is cut). 14 stories and the report without a key.
        const Listed ten = {{"s04", 5},
                            {"s09", 5},
                            {"s03", 4},
                            {"s08", 4},
                            {"s13", 4},
                            {"s02", 3},
                            {"s07", 3},
                            {"s12", 3},
                            {"s01", 2},
                            {"s06", 2}};
        CHECK(stories_of(Xapian::Query::MatchAll, reports) ==
              std::make_pair(Xapian::doccount{15}, ten));
        // A story of one report is counted, not listed.
        CHECK(stories_of(Xapian::Query("Qsmall"), 6) ==
              std::make_pair(Xapian::doccount{3}, Listed{{"s02", 3}, {"s01", 2}}));
    }
}
