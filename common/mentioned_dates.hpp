/// @file
/// How the dates a report mentions are filed and found, so that the indexer and the searcher
/// agree: the unit terms a mention is filed under, the terms a date span is searched with, the
/// values the mentions facet counts, and the names and labels shown to users.
#pragma once

#include "common/dates.hpp"
#include "common/report.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// @return "day", "week", "month", "season" or "year".
[[nodiscard]] std::string_view granularity_name(DateGranularity granularity);

/// @return the granularity of a name granularity_name() gives, or nothing.
[[nodiscard]] std::optional<DateGranularity> granularity_from_name(std::string_view name);

/// @return a mention as a value at its granularity: "2025-01-19", "2025-W05", "2025-01",
/// "2024-summer", "2022"; a winter is named by the year of its January ("2025-winter" is
/// December 2024 to February 2025).
[[nodiscard]] std::string mention_label(const MentionedDate& mention);

/// The terms a mention is filed under: every day, month and year it touches that is no more
/// precise than the mention. A day goes under its day, month and year; a week or (part of) a
/// month under its months and years; a season or a year under its years only.
[[nodiscard]] std::vector<std::string> mention_terms(const MentionedDate& mention);

/// The terms a span of days is searched with: the span cut into whole years, then whole months,
/// then single days. A report matches when it has one of them, that is, when it mentions a date
/// inside the span at least as precise as the span's units there: mentions:2025-01 finds "on
/// Jan. 19" and "mid-January" but not "in 2025"; mentions:2025 finds all three. Open or far
/// ends are clamped to [min_year, max_year].
[[nodiscard]] std::vector<std::string> mention_span_terms(const DateSpan& span,
                                                          int min_year,
                                                          int max_year);

/// The values a report's mentions give the mentions facet: its distinct months ("YYYY-MM",
/// from mentions at month precision or finer) and its distinct years ("YYYY", from all), each
/// sorted and joined by spaces ("2024-08 2024-11") into one value slot. The stock
/// ValueCountMatchSpy counts each joined value; split_facet_value() turns those counts into
/// reports per month or year, exactly (a report lists each value once), with no cap on how many
/// a report mentions, and on remote shards too.
struct MentionFacetValues {
    std::string months;
    std::string years;
};
[[nodiscard]] MentionFacetValues mention_facet_values(const std::vector<MentionedDate>& mentions);

/// @return the months or years of a joined facet value ("2024-08 2024-11").
[[nodiscard]] std::vector<std::string_view> split_facet_value(std::string_view joined);

}  // namespace gazette
