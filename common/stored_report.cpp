#include "common/stored_report.hpp"

#include "common/mentioned_dates.hpp"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cstdio>

namespace gazette {
namespace {

EntityType entity_type_from(std::string_view name) {
    if (name == "org") {
        return EntityType::Organisation;
    }
    if (name == "place") {
        return EntityType::Place;
    }
    return EntityType::Person;
}

}  // namespace

std::string serialise_report(const Report& report) {
    nlohmann::ordered_json j;
    j["id"] = report.id;
    j["title"] = report.title;
    if (report.title_derived) {
        j["title_derived"] = true;
    }
    j["outlet"] = report.outlet;
    j["date"] = report.date ? report.date->iso() : "";
    j["author"] = report.author;
    j["url"] = report.url;
    j["language"] = report.language;
    j["source"] = report.source;
    auto entities = nlohmann::ordered_json::array();
    for (const auto& e : report.entities) {
        entities.push_back({{"name", e.name},
                            {"type", entity_type_name(e.type)},
                            {"variants", e.variants},
                            {"mentions", e.mentions}});
    }
    j["entities"] = std::move(entities);
    auto mentions = nlohmann::ordered_json::array();
    for (const auto& m : report.mentioned_dates) {
        mentions.push_back({{"first", m.first.iso()},
                            {"last", m.last.iso()},
                            {"granularity", granularity_name(m.granularity)},
                            {"text", m.text},
                            {"offset", m.offset}});
    }
    j["mentioned_dates"] = std::move(mentions);
    // The body follows the metadata raw, after a NUL (which JSON output never holds), so that
    // reading a hit parses a few hundred bytes of JSON, not the whole article. Reports are
    // repaired to valid UTF-8 by the readers; replace rather than throw regardless.
    std::string data = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    data += '\0';
    data += report.body;
    return data;
}

Result<Report> parse_report(const std::string& data) {
    const std::size_t split = data.find('\0');
    const auto metadata = std::string_view(data).substr(0, split);
    const auto j = nlohmann::json::parse(metadata, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return fail(ErrorCode::DatabaseCorrupt,
                    "a document's stored data is not a Gazette report",
                    "re-index the database with gazette-index --rebuild");
    }
    Report r;
    r.id = j.value("id", "");
    r.title = j.value("title", "");
    r.title_derived = j.value("title_derived", false);
    r.outlet = j.value("outlet", "");
    r.author = j.value("author", "");
    r.url = j.value("url", "");
    r.language = j.value("language", "en");
    r.source = j.value("source", "");
    if (split != std::string::npos) {
        r.body = data.substr(split + 1);
    }
    if (auto date = parse_date(j.value("date", ""))) {
        r.date = date;
    }
    if (auto it = j.find("entities"); it != j.end() && it->is_array()) {
        for (const auto& e : *it) {
            Entity entity;
            entity.name = e.value("name", "");
            entity.type = entity_type_from(e.value("type", "person"));
            entity.variants = e.value("variants", std::vector<std::string>{});
            entity.mentions = e.value("mentions", 0);
            r.entities.push_back(std::move(entity));
        }
    }
    if (auto it = j.find("mentioned_dates"); it != j.end() && it->is_array()) {
        for (const auto& m : *it) {
            const auto first = parse_date(m.value("first", ""));
            const auto last = parse_date(m.value("last", ""));
            const auto granularity = granularity_from_name(m.value("granularity", ""));
            if (!first || !last || !granularity) {
                continue;  // an entry this version cannot read is left out
            }
            r.mentioned_dates.push_back({*first,
                                         *last,
                                         *granularity,
                                         m.value("text", ""),
                                         m.value("offset", std::size_t{0})});
        }
    }
    return r;
}

std::string content_hash(const Report& report, std::string_view pipeline) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    const auto add = [&](std::string_view s) {
        XXH3_64bits_update(state, s.data(), s.size());
        XXH3_64bits_update(state, "\x1f", 1);  // field separator, so "ab","c" != "a","bc"
    };
    add(pipeline);
    add(report.id);
    add(report.title);
    add(report.outlet);
    add(report.author);
    add(report.url);
    add(report.language);
    add(report.date ? report.date->iso() : "");
    add(report.body);
    const auto hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace gazette
