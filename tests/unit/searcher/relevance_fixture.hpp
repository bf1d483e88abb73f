/// @file
/// A small corpus written for the relevance tests (issue 5): reports that say one thing in
/// different words (synonyms, British and American spellings, compounds), a wire story and a copy
/// of it with one sentence changed, and unrelated reports. Indexed once into a temporary database.
#pragma once

#include "indexer/indexing_run.hpp"
#include "searcher/searcher.hpp"
#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <string>

namespace gazette::testing {

inline std::string report(const std::string& id,
                          const std::string& outlet,
                          const std::string& title,
                          const std::string& body) {
    return "---\nid: " + id + "\noutlet: " + outlet + "\ndate: 2025-01-30\ntitle: " + title +
           "\n---\n" + body + "\n";
}

/// The wire story; `wire-copy` is it with one sentence rewritten, as a second outlet ran it.
inline const std::string kWireStory =
    "Officials said the brigade left the river town of Velyka Novosilka on Tuesday after three "
    "weeks of fighting. The commander told reporters that the unit had lost contact with two "
    "companies during the night and that supply lines along the southern road were cut. Local "
    "residents described heavy shelling of the school and the hospital. Engineers blew up the "
    "last bridge before the column crossed the fields towards the reservoir. Aid groups said "
    "they expected more families to arrive in the regional capital this week.";
inline const std::string kWireCopy =
    "Officials said the brigade left the river town of Velyka Novosilka on Tuesday after three "
    "weeks of fighting. The commander told reporters that the unit had lost contact with two "
    "companies during the night and that supply lines along the southern road were cut. Local "
    "residents said shells hit the school, the hospital and the market square. Engineers blew up "
    "the last bridge before the column crossed the fields towards the reservoir. Aid groups said "
    "they expected more families to arrive in the regional capital this week.";

/// The corpus, indexed once for every test that uses it.
struct RelevanceIndex {
    TempDir dir;
    std::string db = dir / "db";
    RelevanceIndex() {
        dir.write("r/wire.md",
                  report("wire", "Wire Service", "Brigade leaves river town", kWireStory));
        dir.write("r/wire-copy.md",
                  report("wire-copy", "Daily Aggregator", "Brigade quits river town", kWireCopy));
        dir.write("r/retreat.md",
                  report("retreat",
                         "Front Post",
                         "Units retreated overnight",
                         "Officials said the units retreated from the village overnight as the "
                         "enemy advanced along the railway and shelled the station."));
        dir.write("r/pulled.md",
                  report("pulled",
                         "Front Post",
                         "Battalion pulled back",
                         "Officials said the battalion pulled back to a second line of trenches "
                         "after the drone strikes on its positions near the canal."));
        dir.write("r/losses.md",
                  report("losses",
                         "Front Post",
                         "Heavy losses reported",
                         "Officials said the assault brigades suffered heavy losses in the "
                         "marshes, with dozens of vehicles abandoned near the dam."));
        dir.write("r/troops.md",
                  report("troops",
                         "Front Post",
                         "Fresh troops arrive",
                         "Officials said fresh troops arrived at the port by ferry, joining the "
                         "garrison that has held the harbour since the autumn."));
        dir.write("r/dprk.md",
                  report("dprk",
                         "Asia Desk",
                         "Pyongyang sends engineers",
                         "Officials said the DPRK sent engineers and artillery crews to help "
                         "rebuild the airfield destroyed in the spring."));
        dir.write("r/north-korea.md",
                  report("north-korea",
                         "Asia Desk",
                         "Missile test reported",
                         "Officials said North Korea tested a missile over the sea, the third "
                         "launch since the new year began."));
        dir.write("r/defense.md",
                  report("defense",
                         "American Wire",
                         "Defense budget approved",
                         "Officials said the defense organization approved funds for armored "
                         "vehicles and new radar stations on the coast."));
        dir.write("r/defence.md",
                  report("defence",
                         "British Wire",
                         "Ministry of Defence review",
                         "Officials said the Ministry of Defence ordered a review of the "
                         "organisation that buys armour for the army."));
        dir.write("r/human-wave.md",
                  report("human-wave",
                         "Front Post",
                         "Assault tactics",
                         "Officials said the infantry used human-wave attacks across the "
                         "minefields, and the front-line positions held through the night."));
        dir.write("r/frontline.md",
                  report("frontline",
                         "Front Post",
                         "Quiet day",
                         "Officials said the frontline was quiet on Sunday, with only sporadic "
                         "mortar fire reported near the quarry."));
        dir.write("r/front-line.md",
                  report("front-line",
                         "Front Post",
                         "Medics at work",
                         "Officials said medics worked along the front line through the storm, "
                         "carrying the wounded to the field hospital."));
        dir.write("r/weather.md",
                  report("weather",
                         "Weather Desk",
                         "Snow in the mountains",
                         "Officials said heavy snow closed the mountain passes and the ski "
                         "resorts expect a record season after a dry December."));
        dir.write("r/football.md",
                  report("football",
                         "Weather Desk",
                         "Cup final tonight",
                         "Officials said the cup final will go ahead tonight despite the rain, "
                         "and tickets for the stadium sold out within an hour."));
        indexer::IndexRunOptions options;
        options.db_path = db;
        options.paths = {dir / "r"};
        auto summary = indexer::run_indexing(options, [](const InputProblem&) {});
        REQUIRE(summary);
        REQUIRE(summary->added == 15);
    }
};

inline RelevanceIndex& relevance_index() {
    static RelevanceIndex index;
    return index;
}

/// The synonyms the tests rely on, independent of what corpus/synonyms.tsv holds.
inline const std::string kTestSynonyms =
    "# test synonyms\n"
    "withdrawal\twithdraw\tpull back\tretreat\n"
    "casualties\tlosses\n"
    "soldiers\ttroops\n"
    "DPRK\tNorth Korea\n";

}  // namespace gazette::testing
