/// @file
/// The report model: what readers produce, the cleaner and extractors refine, and the indexer
/// stores. Knows nothing of Xapian.
#pragma once

#include "common/dates.hpp"

#include <optional>
#include <string>
#include <vector>

namespace gazette {

/// Entity types. Military units count as organisations.
enum class EntityType { Person, Organisation, Place };

/// One entity a report names, under its canonical name, with the spellings the report used.
struct Entity {
    std::string name;  ///< canonical name ("Kim Jong Un")
    EntityType type = EntityType::Person;
    std::vector<std::string> variants;  ///< surface forms seen in this report
    int mentions = 0;
};

/// How precise a date a report mentions is: "on Jan. 19" a day, "earlier this week" a week,
/// "mid-January" a month (part of one), "last summer" a season, "in 2022" a year.
enum class DateGranularity { Day, Week, Month, Season, Year };

/// A date a report's text mentions, resolved against its publication date to the days it
/// covers (common/mentioned_dates.hpp says how it is indexed and searched).
struct MentionedDate {
    CalendarDate first;  ///< first day of the span
    CalendarDate last;   ///< last day; equal to first for a day
    DateGranularity granularity = DateGranularity::Day;
    std::string text;        ///< as written, with its preposition: "as of Jan. 13"
    std::size_t offset = 0;  ///< byte offset of `text` in the (cleaned) body
};

/// A report: one article from one outlet.
struct Report {
    std::string id;      ///< stable id: front matter, file stem, or JSONL field
    std::string title;   ///< headline, as published; may be empty
    std::string outlet;  ///< publisher's display name; may be empty
    std::string author;
    std::string url;
    std::string language = "en";
    std::optional<CalendarDate> date;  ///< publication date; empty when unknown
    std::string body;                  ///< article text, paragraphs separated by '\n'
    std::string source;                ///< where it came from: a path, or "PATH:LINE" for JSONL
    std::vector<Entity> entities;
    std::vector<MentionedDate> mentioned_dates;  ///< in the order the text gives them
    /// Set by the cleaner when the title was derived from the text because none was published.
    bool title_derived = false;
};

/// A problem with one input, reported as one line: "SOURCE[:LINE]: MESSAGE; ACTION".
struct InputProblem {
    std::string source;
    std::size_t line = 0;  ///< 1-based; 0 when the problem is not about one line
    std::string message;   ///< what is wrong
    std::string action;    ///< what was done about it, or what the user should do

    [[nodiscard]] std::string to_string() const;
};

[[nodiscard]] std::string_view entity_type_name(EntityType type);

}  // namespace gazette
