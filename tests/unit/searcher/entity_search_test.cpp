#include "common/entity_names.hpp"
#include "common/schema.hpp"
#include "indexer/indexing_run.hpp"
#include "searcher/render.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace gazette;

namespace {

const std::string kShippedGazetteer = std::string(GAZETTE_SOURCE_DIR) + "/corpus/entities.tsv";

indexer::IndexSummary index_into(const std::string& db,
                                 const std::vector<std::string>& paths,
                                 const std::string& gazetteer) {
    indexer::IndexRunOptions options;
    options.db_path = db;
    options.paths = paths;
    options.gazetteer_path = gazetteer;
    auto summary = indexer::run_indexing(
        options, [](const InputProblem& p) { FAIL("unexpected problem: " << p.to_string()); });
    REQUIRE(summary);
    return *summary;
}

/// The seeds indexed once with the shipped gazetteer.
struct SeedIndex {
    testing::TempDir dir;
    std::string db = dir / "db";
    SeedIndex() { REQUIRE(index_into(db, {testing::corpus_dir()}, kShippedGazetteer).added == 5); }
};

const std::string& seed_db() {
    static SeedIndex index;
    return index.db;
}

/// `keep_records`: count facets as gazette-serve does, from kept records numbered per value.
search::SearchResponse search_in(const std::string& db,
                                 search::SearchRequest request,
                                 const std::string& gazetteer = kShippedGazetteer,
                                 bool keep_records = false) {
    auto searcher = search::Searcher::open(db, gazetteer);
    REQUIRE(searcher);
    searcher->keep_facet_records = keep_records;
    auto response = searcher->search(request);
    REQUIRE(response);
    return *response;
}

search::SearchResponse find_reports(const std::string& q, std::vector<std::string> entities = {}) {
    search::SearchRequest request;
    request.query = q;
    request.entities = std::move(entities);
    request.limit = 100;
    return search_in(seed_db(), request);
}

std::vector<std::string> ids(const search::SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.hits) {
        out.push_back(hit.report.id.substr(0, 3));
    }
    std::sort(out.begin(), out.end());
    return out;
}

using Counts = std::map<std::string, Xapian::doccount>;  // "type:key" -> reports

/// Facet counts as the searcher gives them, by entity key.
Counts facet_counts(const search::Facets& f) {
    Counts counts;
    const auto add = [&](std::string_view type, const std::vector<search::FacetCount>& list) {
        for (const auto& c : list) {
            counts[std::string(type) + ":" + entities::entity_key(c.value)] += c.count;
        }
    };
    add("person", f.person);
    add("org", f.org);
    add("place", f.place);
    return counts;
}

/// The same counts by brute force: every matching report's stored entities (the first
/// kEntityFacetDepth of each type, as documented), counted one by one.
Counts brute_force_counts(const std::string& db, search::SearchRequest request) {
    request.facets = false;
    request.limit = schema::kMaxLimit;
    const auto all = search_in(db, request);
    REQUIRE(all.hits.size() == all.total);
    Counts counts;
    for (const auto& hit : all.hits) {
        std::map<EntityType, std::size_t> seen;
        for (const auto& e : hit.report.entities) {
            if (seen[e.type]++ < schema::kEntityFacetDepth) {
                ++counts[std::string(entity_type_name(e.type)) + ":" +
                         entities::entity_key(e.name)];
            }
        }
    }
    return counts;
}

void check_facets_exact(const std::string& db,
                        const std::string& q,
                        std::vector<std::string> entities = {}) {
    search::SearchRequest request;
    request.query = q;
    request.entities = std::move(entities);
    request.facets = true;
    request.limit = 3;
    const Counts expected = brute_force_counts(db, request);
    for (const bool keep_records : {false, true}) {
        const auto response = search_in(db, request, kShippedGazetteer, keep_records);
        REQUIRE(response.facets);
        CHECK_MESSAGE(facet_counts(*response.facets) == expected,
                      q << (keep_records ? " (kept records)" : ""));
    }
}

/// Reports made of gazetteer names in many combinations, one with more people than the facet
/// slots hold.
struct SyntheticCorpus {
    testing::TempDir dir;
    std::string gazetteer;
    std::vector<std::string> people, orgs, places;

    SyntheticCorpus() {
        for (int i = 0; i < 26; ++i) {
            people.push_back(std::string("Person") + static_cast<char>('A' + i) + " Testov");
        }
        for (int i = 0; i < 8; ++i) {
            orgs.push_back(std::string("Agency ") + static_cast<char>('A' + i));
            places.push_back(std::string("Town") + static_cast<char>('a' + i));
        }
        std::ostringstream table;
        for (const auto& p : people) {
            table << p << "\tperson\n";
        }
        for (const auto& o : orgs) {
            table << o << "\torg\n";
        }
        for (const auto& p : places) {
            table << p << "\tplace\n";
        }
        gazetteer = dir.write("entities.tsv", table.str());
        unsigned state = 7;
        const auto next = [&](std::size_t n) {
            state = state * 1103515245u + 12345u;
            return static_cast<std::size_t>((state >> 16) % n);
        };
        for (int r = 0; r < 40; ++r) {
            std::string body;
            const std::size_t sentences = 1 + next(6);
            for (std::size_t s = 0; s < sentences; ++s) {
                body += people[next(people.size())] + " met " + people[next(people.size())] +
                        " of " + orgs[next(orgs.size())] + " in " + places[next(places.size())] +
                        (next(2) == 0 ? " on Monday, troops said.\n" : ", officials said.\n");
            }
            const std::string shard = r % 2 == 0 ? "even" : "odd";
            dir.write(shard + "/r" + std::to_string(r) + ".txt",
                      "---\ntitle: Report " + std::to_string(r) + "\ndate: 2025-01-" +
                          std::to_string(10 + r % 20) + "\n---\n" + body);
        }
        // One report names every person: more than the facet slots hold.
        std::string crowd;
        for (const auto& p : people) {
            crowd += p + " arrived in Towna, officials said.\n";
        }
        dir.write("even/crowd.txt", "---\ntitle: Crowd\n---\n" + crowd);
    }
};

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("entity filters: any spelling finds the entity (person:Syrsky finds Syrskyi)") {
        const std::vector<std::string> syrsky = {"000", "001", "002", "004"};
        CHECK(ids(find_reports("person:Syrsky")) == syrsky);
        CHECK(ids(find_reports("person:Syrskyi")) == syrsky);
        CHECK(ids(find_reports("person:\"Oleksandr Syrskyi\"")) == syrsky);
        CHECK(ids(find_reports("person:Сирський")) == syrsky);
        CHECK(ids(find_reports("org:NYT")).size() == 5);
        CHECK(ids(find_reports("place:DPRK")).size() == 5);
        CHECK(ids(find_reports("person:Kovalenko")) == std::vector<std::string>{"001"});
        CHECK(ids(find_reports("entity:Puls")) == std::vector<std::string>{"000", "001"});
        CHECK(ids(find_reports("entity:\"Kim Jong-un\"")) ==
              ids(find_reports("person:\"Kim Jong Un\"")));
        CHECK(find_reports("person:Kursk").total == 0);  // Kursk is a place
        CHECK(ids(find_reports("troops place:Kursk")).size() == 5);
    }

    TEST_CASE("entity filters: --entity is repeatable and ANDs") {
        CHECK(ids(find_reports("", {"Puls"})) == std::vector<std::string>{"000", "001"});
        CHECK(ids(find_reports("", {"Puls", "Kovalenko"})) == std::vector<std::string>{"001"});
        CHECK(ids(find_reports("troops", {"SOF", "CNN"})) == std::vector<std::string>{"002"});
        search::SearchRequest bad;
        bad.query = "troops";
        bad.entities = {"..."};
        auto searcher = search::Searcher::open(seed_db(), kShippedGazetteer);
        REQUIRE(searcher);
        auto response = searcher->search(bad);
        REQUIRE_FALSE(response);
        CHECK(response.error().code == ErrorCode::Usage);
        search::SearchRequest nameless;
        nameless.query = "person:\"...\"";
        auto empty_field = searcher->search(nameless);
        REQUIRE_FALSE(empty_field);
        CHECK(empty_field.error().code == ErrorCode::Query);
    }

    TEST_CASE("entity spellings: a free-text query for one spelling finds the others") {
        // 000 and 001 write "Syrsky", 002 and 004 "Syrskyi".
        CHECK(ids(find_reports("Syrskyi")) == std::vector<std::string>{"000", "001", "002", "004"});
        CHECK(ids(find_reports("Syrsky")) == std::vector<std::string>{"000", "001", "002", "004"});
        // 002 never writes DPRK, only North Korea.
        const auto dprk = ids(find_reports("DPRK"));
        CHECK(std::find(dprk.begin(), dprk.end(), "002") != dprk.end());
        // Kim Jong-un (001) and Kim Jong Un as a phrase of words.
        CHECK(ids(find_reports("Kim Jong-un")) ==
              std::vector<std::string>{"000", "001", "002", "003"});
        CHECK(ids(find_reports("\"Kim Jong Un\"")) == ids(find_reports("Kim Jong-un")));
        // The other spelling is marked in the snippet.
        search::SearchRequest request;
        request.query = "Syrsky";
        request.limit = 10;
        bool marked = false;
        for (const auto& hit : search_in(seed_db(), request).hits) {
            marked = marked || hit.snippet.html().find("<mark>Syrskyi</mark>") != std::string::npos;
        }
        CHECK(marked);
    }

    TEST_CASE(
        "entity spellings: a short name counts only as written (US is a country, us is not)") {
        testing::TempDir dir;
        const auto report = [&](const std::string& id, const std::string& body) {
            dir.write("reports/" + id + ".txt", "---\nid: " + id + "\n---\n" + body + "\n");
        };
        report("pronoun",
               "Help us, the mayor said. The money is for us all, and the town needs it.");
        report("short", "The US imposed new sanctions, officials told us on Tuesday.");
        report("full", "The United States imposed sanctions on the company.");
        const std::string db = dir / "db";
        REQUIRE(index_into(db, {dir / "reports"}, kShippedGazetteer).added == 3);
        const auto found = [&](const std::string& q) {
            search::SearchRequest request;
            request.query = q;
            request.limit = 10;
            std::vector<std::string> out;
            for (const auto& hit : search_in(db, request).hits) {
                out.push_back(hit.report.id);
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        using Ids = std::vector<std::string>;
        // The words index has no case: "us" is the short name only where the entity was found.
        CHECK(found("united states") == Ids{"full", "short"});
        CHECK(found("US") == Ids{"full", "short"});
        CHECK(found("U.S.") == Ids{"full", "short"});
        // Written in lower case it is the word, and no country.
        CHECK(found("us") == Ids{"pronoun", "short"});
        CHECK(found("help us") == Ids{"pronoun", "short"});
        // The snippet marks the name as written, not the word.
        search::SearchRequest request;
        request.query = "united states";
        request.limit = 10;
        for (const auto& hit : search_in(db, request).hits) {
            if (hit.report.id == "short") {
                CHECK(hit.snippet.html().find("<mark>US</mark>") != std::string::npos);
                CHECK(hit.snippet.html().find("<mark>us</mark>") == std::string::npos);
            }
        }
    }

    TEST_CASE("entity facets: people, organisations and places, counted over all matches") {
        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        request.limit = 1;
        const auto response = search_in(seed_db(), request);
        REQUIRE(response.facets);
        const auto count_of = [](const std::vector<search::FacetCount>& list,
                                 const std::string& name) {
            const auto it = std::find_if(
                list.begin(), list.end(), [&](const auto& c) { return c.value == name; });
            return it == list.end() ? Xapian::doccount{0} : it->count;
        };
        CHECK(count_of(response.facets->person, "Oleksandr Syrskyi") == 4);
        CHECK(count_of(response.facets->person, "Puls") == 2);
        CHECK(count_of(response.facets->org, "The New York Times") == 5);
        CHECK(count_of(response.facets->place, "Kursk") == 5);
        CHECK(count_of(response.facets->place, "North Korea") == 5);
        // Sorted by count.
        CHECK(std::is_sorted(response.facets->person.begin(),
                             response.facets->person.end(),
                             [](const auto& a, const auto& b) { return a.count > b.count; }));
        const auto j = search::to_json(response);
        CHECK(j["facets"]["person"].size() == response.facets->person.size());
        CHECK(j["facets"]["place"][0]["count"].get<int>() == 5);
        const auto& entities = j["results"][0]["entities"];
        REQUIRE(!entities.empty());
        CHECK(entities[0].contains("variants"));
        CHECK(search::to_text(response, false).find("People:  ") != std::string::npos);
    }

    TEST_CASE("entity facets: exact against a brute-force count, on the seeds") {
        for (const char* q :
             {"troops", "Puls withdrawal", "Kim", "date:2025-01", "outlet:\"Kyiv Post\""}) {
            check_facets_exact(seed_db(), q);
        }
        check_facets_exact(seed_db(), "troops", {"Syrsky"});
    }

    TEST_CASE("entity facets: exact against a brute-force count, one database or two shards") {
        SyntheticCorpus corpus;
        const std::string whole = corpus.dir / "whole";
        index_into(whole, {corpus.dir / "even", corpus.dir / "odd"}, corpus.gazetteer);
        const std::string even = corpus.dir / "db-even";
        const std::string odd = corpus.dir / "db-odd";
        index_into(even, {corpus.dir / "even"}, corpus.gazetteer);
        index_into(odd, {corpus.dir / "odd"}, corpus.gazetteer);
        const std::string stub =
            corpus.dir.write("shards.stub", "auto " + even + "\nauto " + odd + "\n");

        for (const std::string& db : {whole, stub}) {
            for (const char* q : {"met",
                                  "Towna",
                                  "officials",
                                  "troops",
                                  "date:2025-01",
                                  "place:Townb",
                                  "person:\"PersonC Testov\""}) {
                check_facets_exact(db, q);
            }
            check_facets_exact(db, "met", {"Agency A", "Townc"});
        }
        // The crowd report names 26 people; facets count its first kEntityFacetDepth.
        search::SearchRequest request;
        request.query = "title:crowd";
        request.facets = true;
        const auto crowd = search_in(whole, request, corpus.gazetteer);
        REQUIRE(crowd.total == 1);
        CHECK(crowd.facets->person.size() == schema::kEntityFacetDepth);
        // Every one of them is still a filter.
        for (const auto& person : corpus.people) {
            search::SearchRequest filter;
            filter.query = "title:crowd";
            filter.entities = {person};
            CHECK_MESSAGE(search_in(whole, filter, corpus.gazetteer).total == 1, person);
        }
        // The same counts from one database and from two shards.
        request.query = "officials";
        const auto one = search_in(whole, request, corpus.gazetteer);
        const auto two = search_in(stub, request, corpus.gazetteer);
        CHECK(facet_counts(*one.facets) == facet_counts(*two.facets));
        CHECK(!one.facets->person.empty());
    }

    TEST_CASE("gazetteer: a correction shows everywhere after re-indexing") {
        testing::TempDir dir;
        std::ifstream shipped(kShippedGazetteer);
        std::stringstream text;
        text << shipped.rdbuf();
        const std::string gazetteer = dir.write("entities.tsv", text.str());
        const std::string db = dir / "db";
        CHECK(index_into(db, {testing::corpus_dir()}, gazetteer).added == 5);
        CHECK(index_into(db, {testing::corpus_dir()}, gazetteer).unchanged == 5);

        // Rename an entity and retype another.
        std::string edited = text.str();
        const std::string from = "Oleksandr Syrskyi\tperson\tSyrskyi|";
        REQUIRE(edited.find(from) != std::string::npos);
        edited.replace(edited.find(from), from.size(), "Oleksandr Syrsky\tperson\tSyrskyi|");
        edited += "Puls\torg\n";
        dir.write("entities.tsv", edited);
        const auto again = index_into(db, {testing::corpus_dir()}, gazetteer);
        CHECK(again.replaced == 5);  // every report analysed again
        CHECK(again.unchanged == 0);

        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        request.limit = 100;
        const auto response = search_in(db, request, gazetteer);
        const auto has = [](const std::vector<search::FacetCount>& list, const std::string& name) {
            return std::any_of(
                list.begin(), list.end(), [&](const auto& c) { return c.value == name; });
        };
        CHECK(has(response.facets->person, "Oleksandr Syrsky"));
        CHECK_FALSE(has(response.facets->person, "Oleksandr Syrskyi"));
        CHECK(has(response.facets->org, "Puls"));
        CHECK_FALSE(has(response.facets->person, "Puls"));
        for (const auto& hit : response.hits) {
            for (const auto& e : hit.report.entities) {
                CHECK(e.name != "Oleksandr Syrskyi");
            }
        }
        // Every spelling still finds it.
        request.query = "person:Syrskyi";
        request.facets = false;
        CHECK(search_in(db, request, gazetteer).total == 4);
    }

    TEST_CASE("entities off: --no-entities indexes none, and switching re-indexes") {
        testing::TempDir dir;
        const std::string db = dir / "db";
        indexer::IndexRunOptions options;
        options.db_path = db;
        options.paths = {testing::corpus_dir()};
        options.entities = false;
        auto off = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE(off);
        CHECK(off->added == 5);
        search::SearchRequest request;
        request.query = "troops";
        request.facets = true;
        auto response = search_in(db, request);
        CHECK(response.facets->person.empty());
        CHECK(response.hits.front().report.entities.empty());
        options.entities = true;
        options.gazetteer_path = kShippedGazetteer;
        auto on = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE(on);
        CHECK(on->replaced == 5);
        CHECK_FALSE(search_in(db, request).facets->person.empty());
    }
}
