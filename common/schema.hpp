/// @file
/// The schema: every term prefix, value slot, query field and limit of a Gazette database lives
/// here and nowhere else. Bump kVersion on any change that alters what is stored; databases
/// record it and readers refuse another version with a hint to re-index.
#pragma once

#include "common/report.hpp"

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::schema {

/// Stored in the database metadata under kVersionKey; checked on every open.
/// 4: mentioned dates (terms XM*, slots 80-81); 5: near-duplicate stories (XB, slots 100-101).
inline constexpr int kVersion = 5;
inline constexpr std::string_view kVersionKey = "gazette.schema_version";

/// Glass refuses terms over 245 bytes; longer words are not indexed, longer ids are hashed.
inline constexpr std::size_t kMaxTermBytes = 240;
/// Bodies longer than this are cut (at a paragraph) before indexing, with a warning.
inline constexpr std::size_t kMaxBodyBytes = 8u << 20;
/// Files larger than this are refused unread; split them.
inline constexpr std::size_t kMaxFileBytes = 512u << 20;
/// A JSON Lines line longer than this is skipped (its report would be cut to kMaxBodyBytes).
inline constexpr std::size_t kMaxLineBytes = 64u << 20;
/// Title words are indexed in the body's terms too, each occurrence counting this many times, so
/// a title match outranks a body match while sharing the body's term statistics (Omega does the
/// same). Title-only terms (prefix S) serve title: searches. 5 was best of 1, 2, 3, 5 on the
/// Cranfield and CISI judgments (scripts/eval-ranking, BENCHMARKS.md).
inline constexpr Xapian::termcount kTitleWdf = 5;
/// A query longer than this is refused with a usage error.
inline constexpr std::size_t kMaxQueryBytes = 4096;
/// The most results one page may ask for.
inline constexpr int kMaxLimit = 1000;
/// How deep gazette-serve pages: offset + limit at most this (deeper pages cost the server a
/// ranking of every result before them; narrow the search instead).
inline constexpr int kMaxResultWindow = 10000;
/// The most bytes of a request gazette-serve reads (it takes GET requests only: no body needed).
inline constexpr std::size_t kMaxRequestBodyBytes = 1024;

/// Mentioned dates: at most this many are kept per report (document data and terms).
inline constexpr std::size_t kMaxMentionedDates = 200;
/// Mentioned dates outside these years are not kept ("in 1500" is history, not news); open
/// mentions: ranges are clamped to them.
inline constexpr int kMinMentionYear = 1800;
inline constexpr int kMaxMentionYear = 2199;

/// Value slots. Append only: a slot's number never changes meaning.
enum class Slot : Xapian::valueno {
    Date = 0,         ///< publication date "YYYYMMDD"; absent when undated (sort, range, facet)
    Outlet = 1,       ///< outlet display name (facet)
    Author = 2,       ///< author display name
    ContentHash = 3,  ///< hash of what was indexed (incremental re-indexing skips equal ones)
    Source = 4,       ///< absolute path of its file, "PATH:LINE" for JSONL (--prune)
    // 80-99 belong to mentioned dates (common/mentioned_dates.hpp).
    MentionMonths = 80,  ///< the distinct months a report mentions, "2024-08 2024-11" (facet)
    MentionYears = 81,   ///< the distinct years it mentions, "2022 2024" (facet)
    // Relevance (100-109): near-duplicate stories.
    StoryKey = 100,  ///< the id of the first report of its story (collapse, story facet)
    MinHash = 101,   ///< the report's MinHash signature (kMinHashes 32-bit values, little-endian)
    // Speed (110-119).
    FacetRecord = 110,  ///< the values of every facet slot in one (facet_record_slots())
    Record = 111,       ///< the report but its body, as a hit shows it (common/stored_report.hpp)
    BodyStems = 112,    ///< its most used stemmed body words (common/body_stems.hpp)
};

[[nodiscard]] constexpr Xapian::valueno slot(Slot s) {
    return static_cast<Xapian::valueno>(s);
}

/// Entity facets (slots 20-79): slot entity_slot(type, i) holds the canonical name of a report's
/// i-th entity of that type, most mentioned first. One value per slot is what Xapian's stock
/// ValueCountMatchSpy counts, so summing one spy per slot counts a many-valued facet exactly,
/// on remote shards too. Each spy costs a value lookup per match, so only the first
/// kEntityFacetDepth entities of each type are stored and counted (the others are filterable,
/// by their terms, but not counted); each type has kEntitySlotsPerType slots reserved.
inline constexpr Xapian::valueno kEntitySlotBase = 20;
inline constexpr Xapian::valueno kEntitySlotsPerType =
    20;  ///< person 20-39, org 40-59, place 60-79
inline constexpr std::size_t kEntityFacetDepth = 10;
static_assert(kEntityFacetDepth <= kEntitySlotsPerType);
inline constexpr std::array kEntityTypes = {
    EntityType::Person, EntityType::Organisation, EntityType::Place};

[[nodiscard]] constexpr Xapian::valueno entity_slot(EntityType type, std::size_t position) {
    return kEntitySlotBase + static_cast<Xapian::valueno>(type) * kEntitySlotsPerType +
           static_cast<Xapian::valueno>(position);
}

/// The facet record (slot FacetRecord): the values of these slots, in this order, joined by
/// kFacetRecordSeparator, so that counting facets reads one value per match instead of one per
/// facet slot (35). The slots themselves stay: Xapian's stock spies count them on remote shards.
[[nodiscard]] const std::vector<Xapian::valueno>& facet_record_slots();
inline constexpr char kFacetRecordSeparator = '\x1f';

/// @return the facet record of a document whose facet slots are set, or "" when a value holds
/// the separator (the searcher then reads that document's slots one by one).
[[nodiscard]] std::string facet_record(const Xapian::Document& doc);

/// Term prefixes (Omega's conventions: Q unique id, S title, Z stemmed; X for our own).
namespace prefix {
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kBody = "";
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kStemmed = "Z";
inline constexpr std::string_view kOutlet = "XO";
inline constexpr std::string_view kAuthor = "XA";
inline constexpr std::string_view kYear = "Y";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kDay = "D";
inline constexpr std::string_view kPerson = "XP";  ///< entity keys (entities::entity_key)
inline constexpr std::string_view kOrg = "XG";
inline constexpr std::string_view kPlace = "XL";
inline constexpr std::string_view kEntity = "XE";  ///< any type
/// Mentioned dates, by the units that hold them (common/mentioned_dates.hpp).
inline constexpr std::string_view kMentionDay = "XMD";
inline constexpr std::string_view kMentionMonth = "XMM";
inline constexpr std::string_view kMentionYear = "XMY";
/// Boolean terms of the LSH bands of a report's MinHash ("XB" band-number ":" hex), so that the
/// indexer can find a new report's near-duplicates among the reports already indexed.
inline constexpr std::string_view kStoryBand = "XB";
}  // namespace prefix

/// @return the term prefix of an entity type.
[[nodiscard]] constexpr std::string_view entity_prefix(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return prefix::kPerson;
        case EntityType::Organisation:
            return prefix::kOrg;
        case EntityType::Place:
            return prefix::kPlace;
    }
    return prefix::kEntity;
}

/// Near-duplicate detection. A report's text is cut into shingles of kShingleWords words; its
/// MinHash signature keeps the minimum of kMinHashes hash functions over them; the signature is cut
/// into kStoryBands bands, any equal band makes two reports candidates, and candidates whose
/// signatures agree on at least kNearDuplicateSimilarity of the values are one story. With 16 bands
/// of 4 rows, reports with a Jaccard similarity of 0.8 are candidates with probability 0.9999 and
/// of 0.2 with probability 0.025. Changing any of these needs a new kVersion.
inline constexpr std::size_t kShingleWords = 4;
inline constexpr std::size_t kMinHashes = 64;
inline constexpr std::size_t kStoryBands = 16;
inline constexpr double kNearDuplicateSimilarity = 0.5;
/// Reports with fewer shingles than this are too short to compare: each is its own story.
inline constexpr std::size_t kMinShingles = 8;
/// Hyphenated compounds ("human-wave", "front-line") of at most this many parts are also indexed
/// as one stemmed word ("Zhumanwav"), so that a query for the compound finds every spelling.
inline constexpr std::size_t kMaxCompoundParts = 4;

/// How a query field matches.
enum class FieldKind {
    Text,           ///< words, stemmed, with positions (title:)
    Boolean,        ///< an exact filter on a whole value (outlet:, author:, id:)
    Date,           ///< a date spec over the date slot (date:)
    Entity,         ///< an entity filter: any spelling resolves to the entity's key (person:Syrsky)
    MentionedDate,  ///< a date spec over the dates the text mentions (mentions:)
};

/// A field users can name in a query: `name:value`.
struct Field {
    std::string_view name;
    std::string_view prefix;
    FieldKind kind;
    bool folded;  ///< boolean values are folded with text::fold_key() (outlet, author) or kept (id)
    std::string_view example;
};

inline constexpr std::array kFields{
    Field{"title", prefix::kTitle, FieldKind::Text, true, "title:withdrawal"},
    Field{"outlet", prefix::kOutlet, FieldKind::Boolean, true, "outlet:\"Kyiv Post\""},
    Field{"author", prefix::kAuthor, FieldKind::Boolean, true, "author:\"Yuri Zoria\""},
    Field{"id", prefix::kId, FieldKind::Boolean, false, "id:000_538164c2fa05198d"},
    Field{"date", "", FieldKind::Date, false, "date:2025-01..2025-02"},
    Field{"entity", prefix::kEntity, FieldKind::Entity, true, "entity:Kursk"},
    Field{"person", prefix::kPerson, FieldKind::Entity, true, "person:Syrsky"},
    Field{"org", prefix::kOrg, FieldKind::Entity, true, "org:NYT"},
    Field{"place", prefix::kPlace, FieldKind::Entity, true, "place:DPRK"},
    Field{"mentions", "", FieldKind::MentionedDate, false, "mentions:2024-11"},
};

/// @return the field of that name, or nullptr.
[[nodiscard]] const Field* find_field(std::string_view name);

/// @return the boolean term of a field value ("Kyiv Post" -> "XOkyiv post"); values longer than
/// the term limit are cut and suffixed with a hash so that they stay distinct.
[[nodiscard]] std::string boolean_term(const Field& field, std::string_view value);

/// @return the boolean term of a named field; the field must exist.
[[nodiscard]] std::string boolean_term(std::string_view field_name, std::string_view value);

/// @return the term of an entity key under a prefix ("XP" + "oleksandr syrsky"), bounded like
/// boolean_term().
[[nodiscard]] std::string entity_term(std::string_view entity_prefix, std::string_view key);

/// @return the unstemmed term of a word in a text field ("" for body, "S" for title).
[[nodiscard]] std::string word_term(std::string_view field_prefix, std::string_view word);

/// @return the stemmed term of a word in a text field ("Zwithdraw", "ZSwithdraw").
[[nodiscard]] std::string stem_term(std::string_view field_prefix, std::string_view stem);

/// @return the year, month and day terms of a publication date ("Y2025", "M202501", "D20250131").
[[nodiscard]] std::array<std::string, 3> date_terms(int year, int month, int day);

/// @return the terms of a mentioned day, month and year ("XMD20250119", "XMM202501", "XMY2025").
[[nodiscard]] std::string mention_day_term(int year, int month, int day);
[[nodiscard]] std::string mention_month_term(int year, int month);
[[nodiscard]] std::string mention_year_term(int year);

/// @return the boolean term of one LSH band of a MinHash signature ("XB3:9f2c...").
[[nodiscard]] std::string story_band_term(std::size_t band, std::uint64_t band_hash);

namespace detail {
constexpr bool prefixes_unique() {
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        for (std::size_t j = i + 1; j < kFields.size(); ++j) {
            if (kFields[i].name == kFields[j].name ||
                (!kFields[i].prefix.empty() && kFields[i].prefix == kFields[j].prefix)) {
                return false;
            }
        }
    }
    return true;
}
}  // namespace detail
static_assert(detail::prefixes_unique(), "query fields must have distinct names and prefixes");
static_assert(kMinHashes % kStoryBands == 0, "MinHash bands must have equal rows");

}  // namespace gazette::schema
