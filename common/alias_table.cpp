#include "common/alias_table.hpp"

#include "common/entity_names.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef GAZETTE_DEFAULT_GAZETTEER
#define GAZETTE_DEFAULT_GAZETTEER "corpus/entities.tsv"
#endif

namespace gazette::entities {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = s.find(separator, begin);
        parts.push_back(trim(s.substr(begin, end == std::string_view::npos ? end : end - begin)));
        if (end == std::string_view::npos) {
            return parts;
        }
        begin = end + 1;
    }
}

}  // namespace

std::optional<EntityType> entity_type_from_name(std::string_view name) {
    if (name == "person" || name == "per" || name == "PER") {
        return EntityType::Person;
    }
    if (name == "org" || name == "organisation" || name == "organization" || name == "ORG") {
        return EntityType::Organisation;
    }
    if (name == "place" || name == "location" || name == "loc" || name == "LOC") {
        return EntityType::Place;
    }
    return std::nullopt;
}

Result<AliasTable> AliasTable::parse(std::string_view text, const std::string& origin) {
    AliasTable table;
    std::size_t number = 0;
    for (const auto raw : split(text, '\n')) {
        ++number;
        const std::string where = origin + ":" + std::to_string(number);
        if (raw.empty() || raw.front() == '#') {
            continue;
        }
        const auto columns = split(raw, '\t');
        if (columns.size() < 2 || columns.size() > 3 || columns[0].empty()) {
            return fail(ErrorCode::Usage,
                        where + ": expected NAME<tab>TYPE[<tab>ALIAS|ALIAS...]",
                        "separate the columns with one tab each");
        }
        GazetteerEntry entry;
        entry.name = std::string(columns[0]);
        entry.line = number;
        entry.type = entity_type_from_name(columns[1]);
        if (!entry.type && columns[1] != "none") {
            return fail(ErrorCode::Usage,
                        where + ": unknown type '" + std::string(columns[1]) + "'",
                        "use person, org, place, or none for a name that is never an entity");
        }
        if (columns.size() == 3) {
            for (const auto alias : split(columns[2], '|')) {
                if (!alias.empty()) {
                    entry.aliases.emplace_back(alias);
                }
            }
        }
        const std::size_t index = table.entries_.size();
        std::vector<std::string> spellings = entry.aliases;
        spellings.push_back(entry.name);
        for (const auto& spelling : spellings) {
            const std::string key = entity_key(spelling);
            if (key.empty()) {
                return fail(ErrorCode::Usage,
                            where + ": '" + spelling + "' has no letters or digits",
                            "remove it");
            }
            const auto [it, added] = table.by_key_.emplace(key, index);
            if (!added && it->second != index) {
                const auto& other = table.entries_[it->second];
                return fail(ErrorCode::Usage,
                            where + ": '" + spelling + "' is already a spelling of '" + other.name +
                                "' (line " + std::to_string(other.line) + ")",
                            "keep each spelling on one line");
            }
        }
        table.entries_.push_back(std::move(entry));
    }
    char hex[20];
    std::snprintf(hex,
                  sizeof hex,
                  "%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(text.data(), text.size())));
    table.fingerprint_ = hex;
    return table;
}

Result<AliasTable> AliasTable::load(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return fail(ErrorCode::Usage,
                    "cannot read the entity gazetteer " + path,
                    "check the path given with --entities or $GAZETTE_ENTITIES");
    }
    std::ostringstream text;
    text << file.rdbuf();
    return parse(text.str(), path);
}

const GazetteerEntry* AliasTable::find_key(const std::string& key) const {
    const auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &entries_[it->second];
}

const GazetteerEntry* AliasTable::resolve(std::string_view spelling) const {
    return find_key(entity_key(spelling));
}

bool GazetteerEntry::lists(std::string_view spelling) const {
    return name == spelling || std::find(aliases.begin(), aliases.end(), spelling) != aliases.end();
}

const GazetteerEntry* AliasTable::resolve_as_written(std::string_view spelling) const {
    const std::string key = entity_key(spelling);
    const GazetteerEntry* entry = find_key(key);
    if (entry == nullptr || !is_as_written_key(key) || entry->lists(spelling)) {
        return entry;
    }
    return nullptr;
}

std::string default_gazetteer_path() {
    if (const char* env = std::getenv("GAZETTE_ENTITIES"); env != nullptr && *env != '\0') {
        return env;
    }
    return GAZETTE_DEFAULT_GAZETTEER;
}

Result<AliasTable> load_gazetteer(const std::string& path) {
    if (!path.empty()) {
        return AliasTable::load(path);
    }
    const std::string fallback = default_gazetteer_path();
    std::error_code ec;
    if (std::getenv("GAZETTE_ENTITIES") == nullptr && !std::filesystem::exists(fallback, ec)) {
        return AliasTable{};
    }
    return AliasTable::load(fallback);
}

}  // namespace gazette::entities
