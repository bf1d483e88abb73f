#include "common/schema.hpp"

#include "common/text/analyzer.hpp"

#include <xxhash.h>

#include <cstdio>

namespace gazette::schema {
namespace {

std::string bounded(std::string term) {
    if (term.size() <= kMaxTermBytes) {
        return term;
    }
    char hash[20];
    std::snprintf(hash,
                  sizeof hash,
                  "#%016llx",
                  static_cast<unsigned long long>(XXH3_64bits(term.data(), term.size())));
    std::size_t cut = kMaxTermBytes - 17;
    // Do not cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    term.resize(cut);
    term += hash;
    return term;
}

}  // namespace

const Field* find_field(std::string_view name) {
    for (const auto& field : kFields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

std::string boolean_term(const Field& field, std::string_view value) {
    std::string term(field.prefix);
    term += field.folded ? text::fold_key(value) : std::string(value);
    return bounded(std::move(term));
}

std::string boolean_term(std::string_view field_name, std::string_view value) {
    return boolean_term(*find_field(field_name), value);
}

std::string entity_term(std::string_view entity_prefix, std::string_view key) {
    std::string term(entity_prefix);
    term += key;
    return bounded(std::move(term));
}

std::string word_term(std::string_view field_prefix, std::string_view word) {
    std::string term(field_prefix);
    term += word;
    return term;
}

std::string stem_term(std::string_view field_prefix, std::string_view stem) {
    std::string term(prefix::kStemmed);
    term += field_prefix;
    term += stem;
    return term;
}

const std::vector<Xapian::valueno>& facet_record_slots() {
    static const std::vector<Xapian::valueno> slots = [] {
        std::vector<Xapian::valueno> out = {slot(Slot::Outlet),
                                            slot(Slot::Date),
                                            slot(Slot::StoryKey),
                                            slot(Slot::MentionMonths),
                                            slot(Slot::MentionYears)};
        for (const EntityType type : kEntityTypes) {
            for (std::size_t i = 0; i < kEntityFacetDepth; ++i) {
                out.push_back(entity_slot(type, i));
            }
        }
        return out;
    }();
    return slots;
}

std::string facet_record(const Xapian::Document& doc) {
    std::string record;
    for (const auto s : facet_record_slots()) {
        const std::string value = doc.get_value(s);
        if (value.find(kFacetRecordSeparator) != std::string::npos) {
            return {};
        }
        if (s != facet_record_slots().front()) {
            record += kFacetRecordSeparator;
        }
        record += value;
    }
    return record;
}

std::array<std::string, 3> date_terms(int year, int month, int day) {
    char y[16];
    char m[16];
    char d[16];
    std::snprintf(y, sizeof y, "%04d", year);
    std::snprintf(m, sizeof m, "%04d%02d", year, month);
    std::snprintf(d, sizeof d, "%04d%02d%02d", year, month, day);
    return {std::string(prefix::kYear) + y,
            std::string(prefix::kMonth) + m,
            std::string(prefix::kDay) + d};
}

std::string story_band_term(std::size_t band, std::uint64_t band_hash) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%zu:%016llx", band, static_cast<unsigned long long>(band_hash));
    return std::string(prefix::kStoryBand) + buf;
}

std::string mention_day_term(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return std::string(prefix::kMentionDay) + buf;
}

std::string mention_month_term(int year, int month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d", year, month);
    return std::string(prefix::kMentionMonth) + buf;
}

std::string mention_year_term(int year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", year);
    return std::string(prefix::kMentionYear) + buf;
}

}  // namespace gazette::schema
