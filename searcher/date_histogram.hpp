/// @file
/// The date facet as a histogram: buckets of a day, a week, a month or a year, chosen by the span
/// the matches cover, with the empty buckets between them, so that a timeline can be drawn.
#pragma once

#include "common/dates.hpp"

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace gazette::search {

enum class BucketSize { Day, Week, Month, Year };

struct HistogramBucket {
    CalendarDate start;  ///< first day of the bucket
    CalendarDate end;    ///< last day
    std::string label;   ///< "2025-01-31", "2025-W05", "2025-01", "2025"
    Xapian::doccount count = 0;
};

struct DateHistogram {
    BucketSize bucket = BucketSize::Day;
    std::vector<HistogramBucket> buckets;  ///< from the earliest match to the latest, in order
};

/// Spans up to this many days get day buckets, then weeks, months, years: at most about 36 bars.
inline constexpr long kMaxDayBuckets = 31;
inline constexpr long kMaxWeekBucketDays = 26 * 7;
inline constexpr int kMaxMonthBuckets = 36;

/// @return "day", "week", "month" or "year".
[[nodiscard]] std::string_view bucket_name(BucketSize size);

/// @return the histogram of publication days and their counts (any order; no bucket when empty).
[[nodiscard]] DateHistogram make_date_histogram(
    const std::vector<std::pair<CalendarDate, Xapian::doccount>>& days);

}  // namespace gazette::search
