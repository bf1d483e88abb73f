#include "common/stored_report.hpp"

#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string_view>

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

/// The first bytes of a record: a version, so that a later layout can tell the two apart.
constexpr std::string_view kRecordMagic = "GZR3";

/// Writes a record: length-prefixed fields in a fixed order.
class RecordWriter {
  public:
    explicit RecordWriter(std::string& out) : out_(out) {}

    void number(std::uint64_t n) {  // LEB128: 7 bits a byte, high bit set while more follow
        while (n >= 0x80) {
            out_ += static_cast<char>((n & 0x7f) | 0x80);
            n >>= 7;
        }
        out_ += static_cast<char>(n);
    }
    void text(std::string_view s) {
        number(s.size());
        out_ += s;
    }
    void date(const std::optional<CalendarDate>& d) {  // year 0: no date
        number(d ? static_cast<std::uint64_t>(d->year) : 0);
        if (d) {
            number(static_cast<std::uint64_t>(d->month));
            number(static_cast<std::uint64_t>(d->day));
        }
    }

  private:
    std::string& out_;
};

/// Reads a record back. Every read checks what is left, so a damaged record ends the read
/// (ok() turns false) instead of reading past the end or allocating what a bad length says.
class RecordReader {
  public:
    explicit RecordReader(std::string_view in) : in_(in) {}

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] bool at_end() const { return in_.empty(); }

    std::uint64_t number() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (in_.empty()) {
                break;
            }
            const auto byte = static_cast<unsigned char>(in_.front());
            in_.remove_prefix(1);
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return n;
            }
        }
        ok_ = false;
        return 0;
    }
    std::string text() {
        const std::uint64_t size = number();
        if (!ok_ || size > in_.size()) {
            ok_ = false;
            return {};
        }
        std::string s(in_.substr(0, size));
        in_.remove_prefix(size);
        return s;
    }
    /// A number that must be below `limit` (an enum, a date part).
    std::uint64_t below(std::uint64_t limit) {
        const std::uint64_t n = number();
        if (n >= limit) {
            ok_ = false;
        }
        return n;
    }
    std::optional<CalendarDate> date() {
        const auto year = static_cast<int>(below(100000));
        if (year == 0) {
            return std::nullopt;
        }
        const auto month = static_cast<int>(below(13));
        const auto day = static_cast<int>(below(32));
        return CalendarDate{year, month, day};
    }

  private:
    std::string_view in_;
    bool ok_ = true;
};

constexpr std::uint64_t kEntityTypes = 3;    // EntityType's values
constexpr std::uint64_t kGranularities = 5;  // DateGranularity's values
static_assert(static_cast<std::uint64_t>(EntityType::Place) == kEntityTypes - 1);
static_assert(static_cast<std::uint64_t>(DateGranularity::Year) == kGranularities - 1);

Result<Report> damaged_record() {
    return fail(ErrorCode::DatabaseCorrupt,
                "a document's stored data is not a Gazette report",
                "re-index the database with gazette-index --rebuild");
}

/// Reads what Gazette stored before the record slot (the fields as JSON, a NUL, the body, all in
/// the data): databases indexed then still read, without a re-index.
Result<Report> parse_json_report(const std::string& data) {
    const std::size_t split = data.find('\0');
    const auto metadata = std::string_view(data).substr(0, split);
    const auto j = nlohmann::json::parse(metadata, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return damaged_record();
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

}  // namespace

void store_report(const Report& report, Xapian::Document& doc) {
    doc.add_value(schema::slot(schema::Slot::Record), serialise_record(report));
    doc.set_data(report.body);
}

Result<Report> load_report(const Xapian::Document& doc, WithBody with_body) {
    const std::string record = doc.get_value(schema::slot(schema::Slot::Record));
    if (record.empty()) {
        return parse_json_report(doc.get_data());
    }
    auto report = parse_record(record);
    if (report && with_body == WithBody::Yes) {
        report->body = doc.get_data();
    }
    return report;
}

// A binary record, not JSON: every hit shown reads one, and nlohmann::json took 69 us to parse a
// 3.9 KB record (a tenth of a plain search at 37k reports); this reads it in a few.
std::string serialise_record(const Report& report) {
    std::string data(kRecordMagic);
    data.reserve(256);
    RecordWriter out(data);
    out.text(report.id);
    out.text(report.title);
    out.number(report.title_derived ? 1 : 0);
    out.text(report.outlet);
    out.date(report.date);
    out.text(report.author);
    out.text(report.url);
    out.text(report.language);
    out.text(report.source);
    out.number(report.entities.size());
    for (const auto& e : report.entities) {
        out.text(e.name);
        out.number(static_cast<std::uint64_t>(e.type));
        out.number(e.variants.size());
        for (const auto& v : e.variants) {
            out.text(v);
        }
        out.number(static_cast<std::uint64_t>(std::max(e.mentions, 0)));
    }
    out.number(report.mentioned_dates.size());
    for (const auto& m : report.mentioned_dates) {
        out.date(m.first);
        out.date(m.last);
        out.number(static_cast<std::uint64_t>(m.granularity));
        out.text(m.text);
        out.number(m.offset);
    }
    return data;
}

Result<Report> parse_record(std::string_view record) {
    if (!record.starts_with(kRecordMagic)) {
        return damaged_record();
    }
    RecordReader in(record.substr(kRecordMagic.size()));
    Report r;
    r.id = in.text();
    r.title = in.text();
    r.title_derived = in.below(2) == 1;
    r.outlet = in.text();
    r.date = in.date();
    r.author = in.text();
    r.url = in.text();
    r.language = in.text();
    r.source = in.text();
    // Counts are not trusted for reserve(): each item is read while the record lasts.
    for (std::uint64_t n = in.number(); in.ok() && n > 0; --n) {
        Entity e;
        e.name = in.text();
        e.type = static_cast<EntityType>(in.below(kEntityTypes));
        for (std::uint64_t v = in.number(); in.ok() && v > 0; --v) {
            e.variants.push_back(in.text());
        }
        e.mentions = static_cast<int>(in.below(std::numeric_limits<int>::max()));
        r.entities.push_back(std::move(e));
    }
    for (std::uint64_t n = in.number(); in.ok() && n > 0; --n) {
        MentionedDate m;
        const auto first = in.date();
        const auto last = in.date();
        m.granularity = static_cast<DateGranularity>(in.below(kGranularities));
        m.text = in.text();
        m.offset = in.number();
        if (!first || !last) {
            return damaged_record();
        }
        m.first = *first;
        m.last = *last;
        r.mentioned_dates.push_back(std::move(m));
    }
    if (!in.ok() || !in.at_end()) {
        return damaged_record();
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
