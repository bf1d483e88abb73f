// Facet records kept between searches: the counts from kept records are the counts from the
// records themselves, whatever the budget and the layout, and a refreshed searcher forgets them.
#include "searcher/facet_record_cache.hpp"

#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"
#include "indexer/indexing_run.hpp"
#include "searcher/entity_facets.hpp"
#include "searcher/facets.hpp"
#include "searcher/kept_facet_records.hpp"
#include "searcher/searcher.hpp"
#include "searcher/slot_counts.hpp"
#include "tests/unit/searcher/seed_index.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace gazette;
using search::SlotCounts;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

/// 60 reports matched by Qall, and by Qthird (every third) or Qrest; `fill(i, doc)` gives
/// report i its values, and those for which `has_record(i)` get a facet record of them.
template <class Fill, class HasRecord>
Xapian::WritableDatabase sixty_reports(Fill fill, HasRecord has_record) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 60; ++i) {
        Xapian::Document doc;
        doc.add_boolean_term("Qall");
        doc.add_boolean_term(i % 3 == 0 ? "Qthird" : "Qrest");
        fill(i, doc);
        if (has_record(i)) {
            doc.add_value(schema::slot(schema::Slot::FacetRecord), schema::facet_record(doc));
        }
        db.add_document(doc);
    }
    return db;
}

/// Outlets in slot 1, places in slots 20 and 21 (one place can be in both), every fifth report
/// without a facet record (counted from its slots).
Xapian::WritableDatabase reports() {
    return sixty_reports(
        [](int i, Xapian::Document& doc) {
            const char* outlets[] = {"BBC", "Reuters", "AP", ""};
            const char* places[] = {"Kyiv", "Kursk", "Puls", "", "Odesa"};
            doc.add_value(1, outlets[i % 4]);
            doc.add_value(20, places[i % 5]);
            doc.add_value(21, places[(i / 2) % 5]);
        },
        [](int i) { return i % 5 != 4; });
}

/// Runs the counting of `counts` over the matches of `term`, with `cache` or without.
void count_into(SlotCounts& counts,
                const Xapian::Database& db,
                const std::string& term,
                search::FacetRecordCache* cache) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    counts.attach(enquire, db, cache);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    counts.finish();
}

/// Counts the matches of `term` over tables laid out as `tables` (slots per table), with
/// `cache` or without. @return "table:value" -> count.
Counts count(const Xapian::Database& db,
             const std::string& term,
             const std::vector<std::vector<Xapian::valueno>>& tables,
             search::FacetRecordCache* cache) {
    SlotCounts counts(SlotCounts::Counter::Own);
    for (const auto& slots : tables) {
        (void)counts.add(slots);
    }
    count_into(counts, db, term, cache);
    Counts out;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        counts.table(t).for_each([&](std::string_view value, Xapian::doccount n) {
            out[std::to_string(t) + ":" + std::string(value)] = n;
        });
    }
    return out;
}

const std::vector<std::vector<Xapian::valueno>> kLayout = {{1}, {20, 21}};

/// Mentioned months (a list each, as the indexer writes them: some shared, some empty) and
/// outlets, every seventh report without a facet record.
Xapian::WritableDatabase listing_reports() {
    return sixty_reports(
        [](int i, Xapian::Document& doc) {
            const char* months[] = {
                "2024-08 2024-11", "2024-11", "", "2023-01 2024-08 2024-11", "2024-08"};
            doc.add_value(1, i % 2 == 0 ? "BBC" : "AP");
            doc.add_value(schema::slot(schema::Slot::MentionMonths), months[i % 5]);
        },
        [](int i) { return i % 7 != 6; });
}

/// The months of the matches of `term`, counted as a table of lists, with `cache` or without:
/// "month" -> count (whole lists split), and "lists" -> the table's total.
Counts count_months(const Xapian::Database& db,
                    const std::string& term,
                    search::FacetRecordCache* cache) {
    SlotCounts counts(SlotCounts::Counter::Own);
    const auto outlets = counts.add({1});
    const auto months =
        counts.add({schema::slot(schema::Slot::MentionMonths)}, SlotCounts::Values::Lists);
    count_into(counts, db, term, cache);
    Counts out;
    counts.table(months).for_each([&](std::string_view value, Xapian::doccount n) {
        for (const auto month : split_facet_value(value)) {
            out[std::string(month)] += n;
        }
    });
    out["lists"] = counts.table(months).total();
    out["BBC"] = 0;
    counts.table(outlets).for_each(
        [&](std::string_view value, Xapian::doccount n) { out[std::string(value)] = n; });
    return out;
}

/// Two reports on a ceasefire: "a" (in Kursk) from the BBC, "b" from AP, in `shards` shards.
void index_ceasefire(const testing::TempDir& dir, const std::string& db, std::size_t shards) {
    testing::index_feed(
        dir,
        db,
        shards,
        "first.jsonl",
        R"({"id": "a", "outlet": "BBC", "title": "Ceasefire in Kursk", "body": "The ceasefire held."})"
        "\n"
        R"({"id": "b", "outlet": "AP", "title": "Ceasefire talks", "body": "Talks on a ceasefire."})"
        "\n");
}

/// Re-indexes report "a" with Reuters as its outlet: it keeps its document id.
void reindex_from_reuters(const testing::TempDir& dir, const std::string& db, std::size_t shards) {
    testing::index_feed(
        dir,
        db,
        shards,
        "again.jsonl",
        R"({"id": "a", "outlet": "Reuters", "title": "Ceasefire in Kursk", "body": "The ceasefire held."})"
        "\n");
}

using Outlets = std::map<std::string, Xapian::doccount>;

/// The outlet facet of the matches of `query`.
Outlets outlets_of(search::Searcher& searcher, const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    request.facets = true;
    request.snippets = false;
    auto response = searcher.search(request);
    REQUIRE(response);
    REQUIRE(response->facets);
    Outlets out;
    for (const auto& facet : response->facets->outlet) {
        out[facet.value] = facet.count;
    }
    return out;
}

/// 40 more reports with outlets and places of their own and some shared with reports(): the
/// other counting part of a database.
Xapian::WritableDatabase other_reports() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 40; ++i) {
        Xapian::Document doc;
        doc.add_boolean_term("Qall");
        doc.add_boolean_term(i % 3 == 0 ? "Qthird" : "Qrest");
        const char* outlets[] = {"BBC", "Kyiv Post", "Meduza"};
        const char* places[] = {"Kursk", "Sumy", "Kharkiv", "Kyiv"};
        doc.add_value(1, outlets[i % 3]);
        doc.add_value(20, places[i % 4]);
        doc.add_value(21, places[(i + 1) % 4]);
        doc.add_value(schema::slot(schema::Slot::FacetRecord), schema::facet_record(doc));
        db.add_document(doc);
    }
    return db;
}

/// Counts the matches of `term` in two parts as the searcher does: part 1 counted and finished
/// first, then added to part 0 before part 0 finishes. @return the counts, and how many tables
/// took counts kept by number as strings.
std::pair<Counts, std::size_t> count_two_parts(const Xapian::Database& part0,
                                               const Xapian::Database& part1,
                                               const std::string& term,
                                               search::FacetRecordCache& cache0,
                                               search::FacetRecordCache& cache1) {
    SlotCounts counts(SlotCounts::Counter::Own);
    for (const auto& slots : kLayout) {
        (void)counts.add(slots);
    }
    auto other = counts.empty_copy();
    count_into(*other, part1, term, &cache1);
    Xapian::Enquire enquire(part0);
    enquire.set_query(Xapian::Query(term));
    counts.attach(enquire, part0, &cache0);
    (void)enquire.get_mset(0, 0, part0.get_doccount());
    counts.merge(*other);
    counts.finish();
    Counts out;
    for (std::size_t t = 0; t < kLayout.size(); ++t) {
        counts.table(t).for_each([&](std::string_view value, Xapian::doccount n) {
            CHECK(out.count(std::to_string(t) + ":" + std::string(value)) == 0);  // once each
            out[std::to_string(t) + ":" + std::string(value)] = n;
        });
    }
    return {out, counts.tables_as_strings()};
}

/// The counts of two parts, each counted without kept records, summed.
Counts sum_of_parts(const Xapian::Database& part0,
                    const Xapian::Database& part1,
                    const std::string& term) {
    Counts out = count(part0, term, kLayout, nullptr);
    for (const auto& [value, n] : count(part1, term, kLayout, nullptr)) {
        out[value] += n;
    }
    return out;
}
}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("facet record cache: counts from kept records are the records' own counts") {
        const auto db = reports();
        search::FacetRecordCache cache;
        // The first search keeps the records of a third; the next ones count those from the
        // cache and the others from their records, and keep them too.
        for (const char* term : {"Qthird", "Qall", "Qrest", "Qall", "Qthird"}) {
            CAPTURE(term);
            const Counts expected = count(db, term, kLayout, nullptr);
            CHECK(count(db, term, kLayout, &cache) == expected);
        }
        CHECK(cache.reports() == 48);  // every report with a record
        const Counts all = count(db, "Qall", kLayout, &cache);
        CHECK(all.at("0:BBC") == 15);
        CHECK(all.count("0:") == 0);  // no empty values
        // A value counts once per slot it is in: 12 reports have Kyiv in slot 20, 12 in slot 21.
        CHECK(all.at("1:Kyiv") == 24);
        CHECK(all.at("1:Puls") == 24);
    }

    TEST_CASE("facet record cache: a table of lists counts by part, each list once in all") {
        const auto db = listing_reports();
        search::FacetRecordCache cache;
        search::FacetRecordCache some(600);  // room for a few reports: lists whole and by part
        for (const char* term : {"Qthird", "Qall", "Qrest", "Qall"}) {
            CAPTURE(term);
            const Counts expected = count_months(db, term, nullptr);
            CHECK(count_months(db, term, &cache) == expected);
            CHECK(count_months(db, term, &some) == expected);
        }
        CHECK(some.reports() > 0);
        CHECK(some.reports() < cache.reports());
        const Counts all = count_months(db, "Qall", &cache);
        CHECK(all.at("2024-11") == 36);  // lists 0, 1 and 3 of every five
        CHECK(all.at("2024-08") == 36);  // lists 0, 3 and 4
        CHECK(all.at("2023-01") == 12);
        CHECK(all.at("lists") == 48);  // one report in five mentions nothing
        CHECK(all.at("BBC") == 30);
        CHECK(all.count("") == 0);
    }

    TEST_CASE("facet record cache: past its budget it counts from the records") {
        const auto db = reports();
        search::FacetRecordCache none(0);
        search::FacetRecordCache some(3000);  // room for the first few reports only
        for (int round = 0; round < 2; ++round) {
            const Counts expected = count(db, "Qall", kLayout, nullptr);
            CHECK(count(db, "Qall", kLayout, &none) == expected);
            CHECK(count(db, "Qall", kLayout, &some) == expected);
        }
        CHECK(none.reports() == 0);
        CHECK(some.reports() > 0);
        CHECK(some.reports() < 48);
    }

    TEST_CASE("facet record cache: another layout of the tables starts it again") {
        const auto db = reports();
        search::FacetRecordCache cache;
        (void)count(db, "Qall", kLayout, &cache);
        const std::vector<std::vector<Xapian::valueno>> swapped = {{20, 21}, {1}, {20}};
        CHECK(count(db, "Qall", swapped, &cache) == count(db, "Qall", swapped, nullptr));
        CHECK(count(db, "Qall", swapped, &cache) == count(db, "Qall", swapped, nullptr));
        cache.forget();
        CHECK(cache.reports() == 0);
        CHECK(count(db, "Qall", kLayout, &cache) == count(db, "Qall", kLayout, nullptr));
    }

    TEST_CASE("facet record cache: the budget of a part grows with its reports, within bounds") {
        using search::FacetRecordCache;
        CHECK(FacetRecordCache::budget_for(0) == FacetRecordCache::kDefaultBudget);
        CHECK(FacetRecordCache::budget_for(50'000) == FacetRecordCache::kDefaultBudget);
        // 500,000 reports a part (1M on two cores) need about 141 MB: all of them fit.
        CHECK(FacetRecordCache::budget_for(500'000) ==
              500'000 * FacetRecordCache::kBudgetPerReport);
        CHECK(FacetRecordCache::budget_for(500'000) > std::size_t{141} << 20);
        CHECK(FacetRecordCache::budget_for(100'000'000) == FacetRecordCache::kMaxBudget);
    }

    TEST_CASE("facet record cache: a refreshed searcher counts a re-indexed report anew") {
        // Re-indexed, a report keeps its document id: a searcher that kept its old record and
        // did not forget it on refresh would still count its old outlet. (Only the outlet
        // changes: a new name would add an entity slot, a new layout, which starts the cache
        // again by itself.)
        // Two shards: each is counted on a core of its own, with a cache of its own.
        std::size_t shards = 1;
        SUBCASE("one database") {
            shards = 1;
        }
        SUBCASE("two shards") {
            shards = 2;
        }
        CAPTURE(shards);
        testing::TempDir dir;
        const std::string db = dir / "db";
        index_ceasefire(dir, db, shards);
        auto searcher = search::Searcher::open(db);
        REQUIRE(searcher);
        searcher->keep_facet_records = true;
        CHECK(outlets_of(*searcher, "ceasefire") == Outlets{{"AP", 1}, {"BBC", 1}});
        CHECK(outlets_of(*searcher, "ceasefire") == Outlets{{"AP", 1}, {"BBC", 1}});
        reindex_from_reuters(dir, db, shards);
        REQUIRE(searcher->refresh());
        CHECK(outlets_of(*searcher, "ceasefire") == Outlets{{"AP", 1}, {"Reuters", 1}});
    }

    TEST_CASE("facet record cache: searchers sharing kept records each count their own revision") {
        // gazette-serve's searchers share one set of kept records. One moves to the revision
        // that re-indexed a report while another still reads the old one: each must count the
        // report as its own revision has it, whichever filled the records last.
        std::size_t shards = 1;
        SUBCASE("one database") {
            shards = 1;
        }
        SUBCASE("two shards") {
            shards = 2;
        }
        SUBCASE("three shards: a part of two has no one revision") {
            shards = 3;
        }
        CAPTURE(shards);
        testing::TempDir dir;
        const std::string db = dir / "db";
        index_ceasefire(dir, db, shards);
        auto old_reader = search::Searcher::open(db);
        auto new_reader = search::Searcher::open(db);
        REQUIRE(old_reader);
        REQUIRE(new_reader);
        old_reader->keep_facet_records = true;
        new_reader->keep_facet_records = true;
        REQUIRE(new_reader->share_facet_records(old_reader->facet_records()));
        CHECK(new_reader->facet_records() == old_reader->facet_records());
        // Each query once per searcher: the counts a searcher keeps by query stay out of it.
        REQUIRE(old_reader->warm_facet_records());
        CHECK(old_reader->facet_records()->size().first == 2);  // both reports kept
        CHECK(outlets_of(*new_reader, "ceasefire") == Outlets{{"AP", 1}, {"BBC", 1}});
        reindex_from_reuters(dir, db, shards);
        REQUIRE(new_reader->refresh());
        CHECK(outlets_of(*new_reader, "kursk") == Outlets{{"Reuters", 1}});
        CHECK(outlets_of(*old_reader, "kursk") == Outlets{{"BBC", 1}});
        CHECK(outlets_of(*new_reader, "ceasefire") == Outlets{{"AP", 1}, {"Reuters", 1}});
        CHECK(outlets_of(*old_reader, "ceasefire") == Outlets{{"AP", 1}, {"BBC", 1}});
    }
    TEST_CASE("facet record cache: parts numbered alike add up as arrays") {
        const auto part0 = reports();
        const auto part1 = other_reports();
        auto numbering = std::make_shared<search::FacetValueNumbers>();
        search::FacetRecordCache cache0(search::FacetRecordCache::kDefaultBudget, numbering);
        search::FacetRecordCache cache1(search::FacetRecordCache::kDefaultBudget, numbering);
        for (const char* term : {"Qthird", "Qall", "Qrest", "Qall"}) {
            CAPTURE(term);
            // Every fifth report of part 0 has no record: counted as strings, beside the rest.
            CHECK(count_two_parts(part0, part1, term, cache0, cache1).first ==
                  sum_of_parts(part0, part1, term));
        }
        CHECK(cache0.reports() == 48);
        CHECK(cache1.reports() == 40);
        // Only reports with records: no strings at all, the parts' counts summed by number.
        const auto records_only = other_reports();
        search::FacetRecordCache again(search::FacetRecordCache::kDefaultBudget, numbering);
        for (int round = 0; round < 2; ++round) {
            const auto [counts, as_strings] =
                count_two_parts(records_only, part1, "Qall", again, cache1);
            CHECK(counts == sum_of_parts(records_only, part1, "Qall"));
            CHECK(counts.at("0:BBC") == 28);
            CHECK(as_strings == 0);
        }
    }

    TEST_CASE("facet record cache: parts numbered apart still add up, as strings") {
        const auto part0 = other_reports();
        const auto part1 = other_reports();
        search::FacetRecordCache cache0;  // each with a numbering of its own
        search::FacetRecordCache cache1;
        for (int round = 0; round < 2; ++round) {
            const auto [counts, as_strings] = count_two_parts(part0, part1, "Qall", cache0, cache1);
            CHECK(counts == sum_of_parts(part0, part1, "Qall"));
            // Each table twice: the other part's counts, then this part's beside them.
            CHECK(as_strings == 2 * kLayout.size());
        }
    }

    TEST_CASE("facet record cache: parts number values at once on two threads") {
        // gazette-serve counts the parts of a search on two cores, and other searches count
        // other parts meanwhile: numbering new values and reading them must not race.
        const auto part0 = reports();
        const auto part1 = other_reports();
        auto numbering = std::make_shared<search::FacetValueNumbers>();
        for (int round = 0; round < 20; ++round) {
            search::FacetRecordCache cache0(search::FacetRecordCache::kDefaultBudget, numbering);
            search::FacetRecordCache cache1(search::FacetRecordCache::kDefaultBudget, numbering);
            Counts first;
            Counts second;
            std::thread other([&] { second = count(part1, "Qall", kLayout, &cache1); });
            first = count(part0, "Qall", kLayout, &cache0);
            other.join();
            CHECK(first == count(part0, "Qall", kLayout, nullptr));
            CHECK(second == count(part1, "Qall", kLayout, nullptr));
        }
    }

    TEST_CASE("facet record cache: a layout that names no lists keeps its records") {
        // Tables not named in `lists` are not lists: the same layout again is not a new one.
        search::FacetRecordCache cache;
        const std::vector<std::vector<std::size_t>> by_field = {{0}, {1}};
        cache.begin(by_field, 2);
        REQUIRE(cache.count_new(1, std::string("BBC") + schema::kFacetRecordSeparator + "Kyiv"));
        search::NumberedCounts counted;
        cache.finish(counted);
        cache.begin(by_field, 2);
        CHECK(cache.count_held(1));
        CHECK(cache.reports() == 1);
    }

    TEST_CASE("entity facets: names counted by number are summed by key, commonest spelling") {
        // Spellings of one key are one entity, whether its names were counted as strings or
        // by number from kept records (the second and third counts).
        const auto db = sixty_reports(
            [](int i, Xapian::Document& doc) {
                const char* people[] = {
                    "Oleksandr Syrskyi", "Oleksandr Syrskyi", "OLEKSANDR SYRSKIY", "Kim Jong Un"};
                doc.add_value(schema::entity_slot(EntityType::Person, 0), people[i % 4]);
            },
            [](int) { return true; });
        using Names = std::vector<std::pair<std::string, Xapian::doccount>>;
        search::FacetRecordCache cache;
        for (search::FacetRecordCache* kept :
             {static_cast<search::FacetRecordCache*>(nullptr), &cache, &cache}) {
            SlotCounts counts(SlotCounts::Counter::Own);
            const search::EntityFacetCollector entities(db, counts);
            count_into(counts, db, "Qall", kept);
            search::Facets facets;
            entities.fill(facets);
            Names people;
            for (const auto& c : facets.person) {
                people.emplace_back(c.value, c.count);
            }
            CHECK(people == Names{{"Oleksandr Syrskyi", 45}, {"Kim Jong Un", 15}});
        }
        CHECK(cache.reports() == 60);
    }

    TEST_CASE("kept facet records: the parts share one numbering, kept across revisions") {
        search::KeptFacetRecords kept(2);
        std::shared_ptr<search::FacetValueNumbers> numbering;
        {
            const auto lease = kept.lease(0, "db@1", 100);
            numbering = lease.cache().numbering();
        }
        REQUIRE(numbering);
        CHECK(kept.lease(1, "db@1", 100).cache().numbering() == numbering);
        // A new revision forgets the records, not the numbers of values (a small numbering).
        CHECK(kept.lease(0, "db@2", 100).cache().numbering() == numbering);
    }
}
