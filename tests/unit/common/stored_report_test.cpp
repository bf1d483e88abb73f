#include "common/stored_report.hpp"

#include "common/schema.hpp"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

/// `r` stored in a document and read back, body included.
Result<Report> round_trip(const Report& r) {
    Xapian::Document doc;
    store_report(r, doc);
    return load_report(doc, WithBody::Yes);
}

}  // namespace

TEST_SUITE("common") {
    TEST_CASE("stored_report: round-trips every field") {
        Report r;
        r.id = "004";
        r.title = "NYT: troops <withdrawn>";
        r.outlet = "Euromaidan Press";
        r.author = "Yuri Zoria";
        r.url = "https://example.org/a";
        r.date = CalendarDate{2025, 1, 31};
        r.body = "Line one.\nLine “two”.";
        r.source = "corpus/reports/004.txt";
        r.entities.push_back({"Kim Jong Un", EntityType::Person, {"Kim Jong-un"}, 2});
        auto back = round_trip(r);
        REQUIRE(back);
        CHECK(back->id == r.id);
        CHECK(back->title == r.title);
        CHECK(back->outlet == r.outlet);
        CHECK(back->author == r.author);
        CHECK(back->url == r.url);
        CHECK(back->date == r.date);
        CHECK(back->body == r.body);
        CHECK(back->source == r.source);
        REQUIRE(back->entities.size() == 1);
        CHECK(back->entities[0].name == "Kim Jong Un");
        CHECK(back->entities[0].variants == std::vector<std::string>{"Kim Jong-un"});
    }

    TEST_CASE("stored_report: undated stays undated, garbage is an error") {
        Report r;
        r.id = "002";
        auto back = round_trip(r);
        REQUIRE(back);
        CHECK_FALSE(back->date.has_value());
        Xapian::Document garbage;
        garbage.set_data("not json");
        CHECK_FALSE(load_report(garbage, WithBody::Yes));
        CHECK_FALSE(parse_record("not a record"));
    }

    TEST_CASE("stored_report: the content hash changes with content and pipeline only") {
        Report a;
        a.id = "x";
        a.body = "text";
        Report b = a;
        CHECK(content_hash(a, "p1") == content_hash(b, "p1"));
        b.body = "text!";
        CHECK(content_hash(a, "p1") != content_hash(b, "p1"));
        CHECK(content_hash(a, "p1") != content_hash(a, "p2"));
        b = a;
        b.outlet = "Kyiv Post";
        CHECK(content_hash(a, "p1") != content_hash(b, "p1"));
    }

    TEST_CASE("stored_report: mentioned dates round-trip with their text and offset") {
        Report r;
        r.id = "001";
        r.body = "Deployed in November to Kursk.";
        r.mentioned_dates.push_back({CalendarDate{2024, 11, 1},
                                     CalendarDate{2024, 11, 30},
                                     DateGranularity::Month,
                                     "in November",
                                     9});
        auto back = round_trip(r);
        REQUIRE(back);
        REQUIRE(back->mentioned_dates.size() == 1);
        const auto& m = back->mentioned_dates.front();
        CHECK(m.first.iso() == "2024-11-01");
        CHECK(m.last.iso() == "2024-11-30");
        CHECK(m.granularity == DateGranularity::Month);
        CHECK(m.text == "in November");
        CHECK(m.offset == 9);
        CHECK(back->body.substr(m.offset, m.text.size()) == m.text);
    }

    TEST_CASE("stored_report: a record cut short or with a bad length is an error, never a crash") {
        Report r;
        r.id = "005";
        r.title = "Puls withdrawal";
        r.date = CalendarDate{2025, 2, 1};
        r.entities.push_back({"Puls", EntityType::Organisation, {"Puls", "PULS"}, 3});
        r.mentioned_dates.push_back({CalendarDate{2025, 1, 1},
                                     CalendarDate{2025, 1, 31},
                                     DateGranularity::Month,
                                     "in January",
                                     0});
        const std::string record = serialise_record(r);
        REQUIRE(record.starts_with("GZR3"));
        REQUIRE(parse_record(record));
        // Every cut is refused, and so is anything after the last field.
        for (std::size_t n = 0; n < record.size(); ++n) {
            CAPTURE(n);
            CHECK_FALSE(parse_record(record.substr(0, n)));
        }
        CHECK_FALSE(parse_record(record + "x"));
        // A length far past the end (the id's length byte set to 127 and continued).
        std::string bad = record;
        bad[4] = static_cast<char>(0xff);
        CHECK_FALSE(parse_record(bad));
        CHECK(parse_record(bad).error().code == ErrorCode::DatabaseCorrupt);
        // An entity type this version does not know.
        Report one;
        one.entities.push_back({"X", EntityType::Place, {}, 1});
        std::string typed = serialise_record(one);
        const std::size_t type_at = typed.find("\x01X") + 2;  // after the name "X"
        REQUIRE(typed[type_at] == static_cast<char>(EntityType::Place));
        typed[type_at] = 7;
        CHECK_FALSE(parse_record(typed));
        // In a document, a damaged record is the same error.
        Xapian::Document doc;
        store_report(r, doc);
        doc.add_value(schema::slot(schema::Slot::Record), bad);
        CHECK(load_report(doc, WithBody::No).error().code == ErrorCode::DatabaseCorrupt);
    }

    TEST_CASE("stored_report: without the body, nothing but the body is missing") {
        Report r;
        r.id = "003";
        r.title = "Kursk";
        r.body = "A long body.";
        r.entities.push_back({"Kursk", EntityType::Place, {"Kursk"}, 1});
        Xapian::Document doc;
        store_report(r, doc);
        const auto head = load_report(doc, WithBody::No);
        REQUIRE(head);
        CHECK(head->body.empty());
        CHECK(head->title == "Kursk");
        REQUIRE(head->entities.size() == 1);
        CHECK(load_report(doc, WithBody::Yes)->body == "A long body.");
    }

    TEST_CASE("stored_report: the JSON record of databases indexed before still reads") {
        const std::string legacy =
            R"({"id":"001","title":"Kursk","outlet":"Kyiv Post","date":"2024-11-05","author":"A",)"
            R"("url":"https://example.org","language":"en","source":"corpus/001.txt",)"
            R"("entities":[{"name":"Kursk","type":"place","variants":["Kursk"],"mentions":2}],)"
            R"("mentioned_dates":[]})";
        Xapian::Document doc;  // as versions before the record slot stored a report
        doc.set_data(legacy + std::string(1, '\0') + "Body text.");
        const auto back = load_report(doc, WithBody::Yes);
        REQUIRE(back);
        CHECK(back->id == "001");
        CHECK(back->outlet == "Kyiv Post");
        CHECK(back->date == CalendarDate{2024, 11, 5});
        CHECK(back->body == "Body text.");
        REQUIRE(back->entities.size() == 1);
        CHECK(back->entities[0].type == EntityType::Place);
        CHECK(back->entities[0].mentions == 2);
    }
}
