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
