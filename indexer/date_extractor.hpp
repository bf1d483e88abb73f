/// @file
/// Finds the dates a report's text mentions ("on Jan. 19", "as of Jan. 13", "on Friday", "last
/// August", "mid-January", "in late October", "in February 2022", "last summer", "earlier this
/// week", "two weeks ago", "31/01/2025") and resolves them against the publication date, keeping
/// their granularity. Numbers that are not dates stay out ("92 casualties daily", "1000+ square
/// kilometers", "aged between 25-40", "in 1980 at best"). Pure and thread-safe: no Xapian, no
/// state.
#pragma once

#include "common/report.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace gazette::indexer {

/// @return the dates `text` mentions, in order, resolved against `published`. Without a
/// publication date only absolute dates ("January 31, 2025", "in February 2022", "in 2022") can
/// be resolved; relative ones ("last summer", "on Jan. 19") are left out.
///
/// Rules for yearless dates: "last"/"next"/"this" choose the occurrence before, after or in the
/// publication week/year; words of the future before them in the sentence ("will", "could",
/// "scheduled") choose the next one; otherwise the nearest one, a past one preferred (one twice
/// as far in the future loses to it). Weekdays are the latest on or before the publication day.
[[nodiscard]] std::vector<MentionedDate> extract_mentioned_dates(
    std::string_view text, const std::optional<CalendarDate>& published);

}  // namespace gazette::indexer
