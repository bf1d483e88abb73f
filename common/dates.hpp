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

/// A month as a word names it: "January" (or "january"), or abbreviated, "Jan", "Sept".
struct MonthName {
    int month = 0;  ///< 1-12
    bool abbreviated = false;
};

/// @return the month a word names, in any case, or nothing ("Janu" is not a month).
[[nodiscard]] std::optional<MonthName> month_from_name(std::string_view word);

/// @return true when the day exists (month 1-12, day within the month, leap years included).
[[nodiscard]] bool is_real_day(const CalendarDate& date);

/// @return the number of days in a month of a year.
[[nodiscard]] int days_in_month(int year, int month);

/// @return days since 1970-01-01 (negative before).
[[nodiscard]] long days_from_epoch(const CalendarDate& date);

/// @return the date a number of days after 1970-01-01.
[[nodiscard]] CalendarDate date_from_epoch_days(long days);

/// @return the date a number of days after (or, negative, before) a date.
[[nodiscard]] CalendarDate add_days(const CalendarDate& date, long days);

/// @return the date a number of calendar months after (or before) a date; the day is clamped to
/// the month's length (2025-03-31 minus one month is 2025-02-28).
[[nodiscard]] CalendarDate add_months(const CalendarDate& date, int months);

/// How much of the calendar a piece of a span covers.
enum class SpanPiece { Year, Month, Day };

/// Calls f(piece, start) for the whole years, whole months and single days that together cover
/// first..last exactly, in date order, each as large as it can be: 2017-10-30..2018-02-01 is
/// two days, two months, one month... (30, 31 October; November, December; January; 1 February).
template <class F>
void for_each_span_piece(CalendarDate first, const CalendarDate& last, F&& f) {
    while (first <= last) {
        if (first.month == 1 && first.day == 1 && CalendarDate{first.year, 12, 31} <= last) {
            f(SpanPiece::Year, first);
            first = {first.year + 1, 1, 1};
        } else if (first.day == 1 &&
                   CalendarDate{first.year, first.month, days_in_month(first.year, first.month)} <=
                       last) {
            f(SpanPiece::Month, first);
            first = add_months(first, 1);
        } else {
            f(SpanPiece::Day, first);
            first = add_days(first, 1);
        }
    }
}

/// @return the day of the week: 0 Monday ... 6 Sunday.
[[nodiscard]] int weekday(const CalendarDate& date);

/// @return the Monday of the (ISO, Monday to Sunday) week of a date.
[[nodiscard]] CalendarDate week_start(const CalendarDate& date);

/// @return the ISO 8601 week of a date as "YYYY-Www" (2025-01-31 is "2025-W05").
[[nodiscard]] std::string iso_week_label(const CalendarDate& date);

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

/// Parses a date spec of a query (`date:SPEC`, `mentions:SPEC`) or of --from/--to.
///
/// An end is absolute: "2025", "2025-01", "2025-01-31"; or relative to `today`: "today",
/// "yesterday", "7d", "4w", "6m", "1y" (that many days, weeks, months or years before today), or
/// a named period "this-week", "last-week", "this-month", "last-month", "this-year",
/// "last-year" (weeks run Monday to Sunday). A spec is one end (covering all its days: a year,
/// a month, a period) or a range between any two ends, "2025-01..2025-02", "30d..7d", open at
/// either side: "2025-01-27..", "..2025-02". "7d" alone is "7d..": the last seven days and on.
/// @return the span, or ErrorCode::Query naming the spec and the accepted forms.
[[nodiscard]] Result<DateSpan> parse_date_spec(std::string_view spec, const CalendarDate& today);

/// parse_date_spec() relative to today().
[[nodiscard]] Result<DateSpan> parse_date_spec(std::string_view spec);

/// @return the first day of a spec used as the start of a range (--from): "2025-01" is
/// 2025-01-01, "last-week" last Monday; ErrorCode::Query when the spec is not one end.
[[nodiscard]] Result<CalendarDate> parse_date_from(std::string_view spec);

/// @return the last day of a spec used as the end of a range (--to): "2025-01" is 2025-01-31.
[[nodiscard]] Result<CalendarDate> parse_date_to(std::string_view spec);

}  // namespace gazette
