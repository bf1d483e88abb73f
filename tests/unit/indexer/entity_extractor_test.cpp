#include "indexer/entity_extractor.hpp"

#include "indexer/cleaner.hpp"
#include "indexer/source_walker.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

using namespace gazette;

namespace {

indexer::EntityExtractor extractor_with(const std::string& gazetteer) {
    auto table = entities::AliasTable::parse(gazetteer, "test.tsv");
    REQUIRE(table);
    auto model = ner::Model::builtin();
    REQUIRE(model);
    return indexer::EntityExtractor(std::move(*model), std::move(*table));
}

const indexer::EntityExtractor& shipped() {
    static const auto extractor = [] {
        auto e = indexer::load_entity_extractor(
            std::string(GAZETTE_SOURCE_DIR) + "/corpus/entities.tsv", "");
        REQUIRE(e);
        return *e;
    }();
    return *extractor;
}

const Entity* find(const std::vector<Entity>& found, const std::string& name) {
    const auto it =
        std::find_if(found.begin(), found.end(), [&](const Entity& e) { return e.name == name; });
    return it == found.end() ? nullptr : &*it;
}

bool has_variant(const Entity& e, const std::string& variant) {
    return std::find(e.variants.begin(), e.variants.end(), variant) != e.variants.end();
}

/// The seed report with this id prefix, read and cleaned as the indexer does.
Report seed(const std::string& prefix) {
    for (const auto& file : indexer::collect_sources({testing::corpus_dir()}).files) {
        auto read = indexer::read_source(file, {});
        for (auto& r : read.reports) {
            if (r.id.starts_with(prefix)) {
                return indexer::clean_report(std::move(r)).report;
            }
        }
    }
    FAIL("no seed " << prefix);
    return {};
}

using Expected = std::map<std::string, EntityType>;

void check_seed(const std::string& prefix, const Expected& expected) {
    const auto found = shipped().extract(seed(prefix));
    for (const auto& [name, type] : expected) {
        const Entity* e = find(found, name);
        CHECK_MESSAGE(e != nullptr, prefix << ": " << name << " not found");
        if (e != nullptr) {
            CHECK_MESSAGE(e->type == type, prefix << ": " << name << " has the wrong type");
        }
    }
    // Nothing else: every entity found is one we expect.
    for (const auto& e : found) {
        CHECK_MESSAGE(expected.count(e.name) == 1, prefix << ": unexpected entity " << e.name);
    }
}

constexpr auto kPerson = EntityType::Person;
constexpr auto kOrg = EntityType::Organisation;
constexpr auto kPlace = EntityType::Place;

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("entities: seed 000 (Kyiv Post, Puls and Trainer)") {
        check_seed("000",
                   {{"Puls", kPerson},
                    {"Trainer", kPerson},
                    {"Kim Jong Un", kPerson},
                    {"Vladimir Putin", kPerson},
                    {"Volodymyr Zelensky", kPerson},
                    {"Oleksandr Syrskyi", kPerson},
                    {"Sky News", kOrg},
                    {"Special Operations Forces", kOrg},
                    {"1st Combat Divers Battalion", kOrg},
                    {"Ministry of Defence", kOrg},
                    {"Institute for the Study of War", kOrg},
                    {"The New York Times", kOrg},
                    {"North Korea", kPlace},
                    {"Kursk", kPlace},
                    {"Russia", kPlace},
                    {"Ukraine", kPlace},
                    {"South Korea", kPlace}});
        const auto found = shipped().extract(seed("000"));
        CHECK(has_variant(*find(found, "North Korea"), "DPRK"));
        CHECK(has_variant(*find(found, "Special Operations Forces"), "SSO"));
        CHECK(find(found, "Puls")->mentions >= 6);  // "Puls", "Puls’ commandos", ...
    }

    TEST_CASE("entities: seed 001 (Kyiv Post, Kovalenko and the NYT)") {
        check_seed("001",
                   {{"Oleksandr Syrskyi", kPerson},
                    {"Puls", kPerson},
                    {"Andriy Kovalenko", kPerson},
                    {"Volodymyr Zelensky", kPerson},
                    {"Vladimir Putin", kPerson},
                    {"Kim Jong Un", kPerson},
                    {"Dmitry Peskov", kPerson},
                    {"The New York Times", kOrg},
                    {"Sky News", kOrg},
                    {"Special Operations Forces", kOrg},
                    {"1st Combat Divers Battalion", kOrg},
                    {"Center for Countering Disinformation", kOrg},
                    {"National Security and Defense Council", kOrg},
                    {"Kremlin", kOrg},
                    {"United Nations", kOrg},
                    {"Kursk", kPlace},
                    {"Ukraine", kPlace},
                    {"Russia", kPlace},
                    {"North Korea", kPlace},
                    {"United States", kPlace},
                    {"Pyongyang", kPlace}});
        const auto found = shipped().extract(seed("001"));
        const Entity* kim = find(found, "Kim Jong Un");
        CHECK(has_variant(*kim, "Kim Jong-un"));
        CHECK(has_variant(*kim, "Kim"));  // "It was Kim who proposed..."
        CHECK(has_variant(*find(found, "The New York Times"), "NYT"));
        CHECK(has_variant(*find(found, "Andriy Kovalenko"), "Kovalenko"));
    }

    TEST_CASE("entities: seed 002 (unknown outlet, Syrskyi and SOF)") {
        check_seed("002",
                   {{"Oleksandr Kindratenko", kPerson},
                    {"Mykhailo Podolyak", kPerson},
                    {"Oleksandr Syrskyi", kPerson},
                    {"Vladimir Putin", kPerson},
                    {"Kim Jong Un", kPerson},
                    {"Special Operations Forces", kOrg},
                    {"CNN", kOrg},
                    {"The Kyiv Independent", kOrg},
                    {"The New York Times", kOrg},
                    {"United Nations", kOrg},
                    {"Kursk", kPlace},
                    {"Russia", kPlace},
                    {"Ukraine", kPlace},
                    {"Pyongyang", kPlace},
                    {"United States", kPlace},
                    {"North Korea", kPlace},
                    {"Moscow", kPlace}});
        CHECK(
            has_variant(*find(shipped().extract(seed("002")), "Special Operations Forces"), "SOF"));
    }

    TEST_CASE("entities: seed 003 (aggregator rewrite with Title Case headlines)") {
        check_seed("003",
                   {{"BBC", kOrg},
                    {"The New York Times", kOrg},
                    {"Vladimir Putin", kPerson},
                    {"Kim Jong Un", kPerson},
                    {"Kursk", kPlace},
                    {"Russia", kPlace},
                    {"Ukraine", kPlace},
                    {"North Korea", kPlace},
                    {"Donetsk", kPlace},
                    {"Kyiv", kPlace},
                    {"United States", kPlace}});
    }

    TEST_CASE("entities: seed 004 (Euromaidan Press, Zelenskyy and Kursk Oblast)") {
        check_seed("004",
                   {{"Volodymyr Zelensky", kPerson},
                    {"Oleksandr Syrskyi", kPerson},
                    {"The New York Times", kOrg},
                    {"Kursk", kPlace},
                    {"Russia", kPlace},
                    {"Ukraine", kPlace},
                    {"North Korea", kPlace},
                    {"Moscow", kPlace},
                    {"Pyongyang", kPlace},
                    {"United States", kPlace}});
        const auto found = shipped().extract(seed("004"));
        CHECK(has_variant(*find(found, "Volodymyr Zelensky"), "Zelenskyy"));
        CHECK(has_variant(*find(found, "Kursk"), "Kursk Oblast"));
    }

    TEST_CASE("entities: site chrome yields none (the cleaner runs first)") {
        Report report;
        report.id = "chrome";
        report.title = "Troops pull back";
        report.body =
            "JOIN US ON TELEGRAM\n"
            "Support us on Patreon\n"
            "2 minute read\n"
            "Troops pulled back from the front, officials said on Monday.\n"
            "You can also highlight the text and press Ctrl + Enter";
        const auto found = shipped().extract(indexer::clean_report(report).report);
        CHECK(found.empty());
        // Without the cleaner the chrome would name things: the test can fail.
        const auto raw = shipped().extract(report);
        CHECK_FALSE(raw.empty());
    }

    TEST_CASE("entities: transliterations merge by rule, without the gazetteer") {
        const auto extractor = extractor_with("");
        const auto found = extractor.extract_text(
            "General Oleksandr Syrsky visited the front on Monday.\n"
            "Officials said General Oleksandr Syrskyi met the troops in the east.");
        const auto persons = std::count_if(found.begin(), found.end(), [](const Entity& e) {
            return e.type == EntityType::Person;
        });
        CHECK(persons == 1);
        const Entity* syrsky = find(found, "Oleksandr Syrsky");
        if (syrsky == nullptr) {
            syrsky = find(found, "Oleksandr Syrskyi");
        }
        REQUIRE(syrsky != nullptr);
        CHECK(has_variant(*syrsky, "Oleksandr Syrsky"));
        CHECK(has_variant(*syrsky, "Oleksandr Syrskyi"));
        CHECK(syrsky->mentions == 2);
    }

    TEST_CASE("entities: hyphenated spellings merge, without the gazetteer") {
        const auto found = extractor_with("").extract_text(
            "North Korean leader Kim Jong-un visited a missile factory, state media said.\n"
            "On Monday Kim Jong Un met the Russian envoy.");
        REQUIRE(found.size() == 1);
        CHECK(found[0].type == EntityType::Person);
        CHECK(found[0].mentions == 2);
        CHECK(has_variant(found[0], "Kim Jong-un"));
        CHECK(has_variant(found[0], "Kim Jong Un"));
    }

    TEST_CASE("entities: a later bare surname joins the full name, without the gazetteer") {
        const auto found = extractor_with("").extract_text(
            "Andrey Kovalenko, head of the centre, confirmed the losses.\n"
            "\"It is too early to say,\" Kovalenko said.\n"
            "Kovalenko also pointed out a growing concern.");
        const Entity* kovalenko = find(found, "Andrey Kovalenko");
        REQUIRE(kovalenko != nullptr);
        CHECK(kovalenko->type == EntityType::Person);
        CHECK(kovalenko->mentions == 3);
        CHECK(has_variant(*kovalenko, "Kovalenko"));
        CHECK(find(found, "Kovalenko") == nullptr);
    }

    TEST_CASE("entities: call signs in quotes are persons, and so are their later mentions") {
        const auto found = extractor_with("").extract_text(
            "A commander with the call sign “Puls” told reporters the troops left.\n"
            "A soldier codenamed \"Trainer,\" reported that they carried only ammunition.\n"
            "Puls said they would be back, and Trainer agreed.");
        const Entity* puls = find(found, "Puls");
        const Entity* trainer = find(found, "Trainer");
        REQUIRE(puls != nullptr);
        REQUIRE(trainer != nullptr);
        CHECK(puls->type == EntityType::Person);
        CHECK(trainer->type == EntityType::Person);
        CHECK(puls->mentions == 2);
        CHECK(trainer->mentions == 2);
        // A quoted word without the cue is not a call sign.
        const auto plain = extractor_with("").extract_text("He called it “Trainer” in jest.");
        CHECK(find(plain, "Trainer") == nullptr);
    }

    TEST_CASE("entities: gazetteer abbreviations and aliases name one entity") {
        const auto extractor = extractor_with(
            "Special Operations Forces\torg\tSSO|SOF\n"
            "The New York Times\torg\tNYT\n"
            "North Korea\tplace\tDPRK\n");
        const auto found = extractor.extract_text(
            "Ukraine's Special Operations Forces (SSO) said DPRK troops left, the NYT reported.\n"
            "A SOF spokesman told The New York Times that North Korea lost many.");
        const Entity* forces = find(found, "Special Operations Forces");
        REQUIRE(forces != nullptr);
        CHECK(forces->mentions == 3);
        CHECK(has_variant(*forces, "SSO"));
        CHECK(has_variant(*forces, "SOF"));
        const Entity* nyt = find(found, "The New York Times");
        REQUIRE(nyt != nullptr);
        CHECK(has_variant(*nyt, "NYT"));
        CHECK(has_variant(*nyt, "New York Times"));
        const Entity* korea = find(found, "North Korea");
        REQUIRE(korea != nullptr);
        CHECK(korea->type == EntityType::Place);
        CHECK(korea->mentions == 2);
        // Short all-capital spellings match only as written: "sso" is no abbreviation.
        CHECK(extractor.extract_text("The sso team met.").empty());
    }

    TEST_CASE("entities: the gazetteer wins over the tagger and can veto a name") {
        const std::string text = "Troops left Kharkiv on Monday, Sky News reported.";
        const auto model_only = extractor_with("").extract_text(text);
        const Entity* kharkiv = find(model_only, "Kharkiv");
        REQUIRE(kharkiv != nullptr);
        CHECK(kharkiv->type != EntityType::Place);  // the tagger's mistake...
        const auto corrected =
            extractor_with("Kharkiv\tplace\tKharkov\nSky News\tnone\n").extract_text(text);
        REQUIRE(find(corrected, "Kharkiv") != nullptr);
        CHECK(find(corrected, "Kharkiv")->type == EntityType::Place);  // ...corrected
        CHECK(find(corrected, "Sky News") == nullptr);
        // A type the gazetteer gives beats a rule too.
        const auto as_org = extractor_with("Puls\torg\n")
                                .extract_text("A commander with the call sign “Puls” spoke.");
        REQUIRE(find(as_org, "Puls") != nullptr);
        CHECK(find(as_org, "Puls")->type == EntityType::Organisation);
    }

    TEST_CASE("entities: nationalities are not names") {
        const auto found = shipped().extract_text(
            "North Koreans were seen near the front. The Ukrainians said Russians attacked.");
        for (const auto& e : found) {
            CHECK_MESSAGE(e.name.find("Korean") == std::string::npos, e.name);
            CHECK_MESSAGE(e.name.find("Ukrainian") == std::string::npos, e.name);
            CHECK_MESSAGE(e.name.find("Russian") == std::string::npos, e.name);
        }
    }

    TEST_CASE("entities: the extractor is safe to share between threads") {
        const Report report = seed("001");
        const auto expected = shipped().extract(report);
        std::vector<std::thread> threads;
        std::vector<int> same(4, 0);
        for (std::size_t t = 0; t < same.size(); ++t) {
            threads.emplace_back([&, t] {
                for (int k = 0; k < 3; ++k) {
                    const auto found = shipped().extract(report);
                    same[t] += found.size() == expected.size() &&
                               std::equal(found.begin(),
                                          found.end(),
                                          expected.begin(),
                                          [](const Entity& a, const Entity& b) {
                                              return a.name == b.name && a.mentions == b.mentions;
                                          });
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        CHECK(same == std::vector<int>(4, 3));
    }
}
