/// @file
/// Calendar dates: parsing publication dates and the date specs of queries and flags.
#pragma once

#include "common/error.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

/// A day of the proleptic Gregorian calendar.
struct CalendarDate {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const CalendarDate&) const = default;

    /// @return "YYYY-MM-DD".
    [[nodiscard]] std::string iso() const;
    /// @return "YYYYMMDD": the sortable form kept in the date value slot.
    [[nodiscard]] std::string compact() const;
};

/// @return true when the day exists (month 1-12, day within the month, leap years included).
[[nodiscard]] bool is_real_day(const CalendarDate& date);

/// @return the number of days in a month of a year.
[[nodiscard]] int days_in_month(int year, int month);

/// @return days since 1970-01-01 (negative before).
[[nodiscard]] long days_from_epoch(const CalendarDate& date);

/// @return the date a number of days after 1970-01-01.
[[nodiscard]] CalendarDate date_from_epoch_days(long days);

/// @return today in UTC, or the date in $GAZETTE_TODAY (YYYY-MM-DD) when set, so that tests and
/// relative date ranges are reproducible.
[[nodiscard]] CalendarDate today();

/// Parses a publication date as reports write it: ISO ("2025-01-31", "2025-01-31T10:00:00Z"),
/// "31/01/2025" (day first, as outside the US), "January 31, 2025", "Jan. 31, 2025",
/// "31 January 2025". Surrounding space is ignored; anything else after the date is not.
/// @return the date, or nothing when the text is not one of these forms or not a real day.
[[nodiscard]] std::optional<CalendarDate> parse_date(std::string_view text);

/// @return true for a date a news report can carry: a real day from 1800 up to one year after
/// today. The scale corpus has 0001-11-30 and 2050-... which are not.
[[nodiscard]] bool is_plausible_publication_date(const CalendarDate& date);

/// An inclusive span of days; either end may be open.
struct DateSpan {
    std::optional<CalendarDate> first;
    std::optional<CalendarDate> last;
};

/// Parses a date spec of a query (`date:SPEC`) or of --from/--to:
/// "2025", "2025-01", "2025-01-31", and ranges between any two of these: "2025-01..2025-02",
/// open ranges "2025-01-27.." and "..2025-02". A year or month covers all its days.
/// @return the span, or ErrorCode::Query naming the spec and the accepted forms.
[[nodiscard]] Result<DateSpan> parse_date_spec(std::string_view spec);

}  // namespace gazette
