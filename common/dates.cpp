#include "common/dates.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <vector>

namespace gazette {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"january",
                                                          "february",
                                                          "march",
                                                          "april",
                                                          "may",
                                                          "june",
                                                          "july",
                                                          "august",
                                                          "september",
                                                          "october",
                                                          "november",
                                                          "december"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

/// Reads exactly `width` digits (or 1..width when width_max) at the front of s.
std::optional<int> take_number(std::string_view& s,
                               std::size_t min_digits,
                               std::size_t max_digits) {
    std::size_t n = 0;
    while (n < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[n]))) {
        ++n;
    }
    if (n < min_digits) {
        return std::nullopt;
    }
    int value = 0;
    std::from_chars(s.data(), s.data() + n, value);
    s.remove_prefix(n);
    return value;
}

bool take_char(std::string_view& s, char c) {
    if (!s.empty() && s.front() == c) {
        s.remove_prefix(1);
        return true;
    }
    return false;
}

/// Matches a month name or its abbreviation ("Jan", "Sept"), with an optional trailing dot.
std::optional<int> take_month_name(std::string_view& s) {
    std::size_t n = 0;
    while (n < s.size() && std::isalpha(static_cast<unsigned char>(s[n]))) {
        ++n;
    }
    if (n < 3) {
        return std::nullopt;
    }
    const auto name = month_from_name(s.substr(0, n));
    if (!name) {
        return std::nullopt;
    }
    s.remove_prefix(n);
    take_char(s, '.');
    return name->month;
}

std::optional<CalendarDate> checked(int y, int m, int d) {
    CalendarDate date{y, m, d};
    if (!is_real_day(date)) {
        return std::nullopt;
    }
    return date;
}

/// ISO 8601: YYYY-MM-DD, optionally followed by a time ("T10:00:00Z", " 10:00", "+02:00").
std::optional<CalendarDate> parse_iso(std::string_view s) {
    auto y = take_number(s, 4, 4);
    if (!y || !take_char(s, '-')) {
        return std::nullopt;
    }
    auto m = take_number(s, 2, 2);
    if (!m || !take_char(s, '-')) {
        return std::nullopt;
    }
    auto d = take_number(s, 2, 2);
    if (!d) {
        return std::nullopt;
    }
    if (!s.empty()) {
        // A time part may follow; its digits and separators are all we accept.
        if (s.front() != 'T' && s.front() != ' ') {
            return std::nullopt;
        }
        for (char c : s.substr(1)) {
            if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != '+' &&
                c != '-' && c != 'Z' && c != ' ') {
                return std::nullopt;
            }
        }
    }
    return checked(*y, *m, *d);
}

/// DD/MM/YYYY or DD.MM.YYYY (day first).
std::optional<CalendarDate> parse_day_first(std::string_view s) {
    auto d = take_number(s, 1, 2);
    if (!d || s.empty() || (s.front() != '/' && s.front() != '.')) {
        return std::nullopt;
    }
    const char sep = s.front();
    s.remove_prefix(1);
    auto m = take_number(s, 1, 2);
    if (!m || !take_char(s, sep)) {
        return std::nullopt;
    }
    auto y = take_number(s, 4, 4);
    if (!y || !s.empty()) {
        return std::nullopt;
    }
    return checked(*y, *m, *d);
}

/// "January 31, 2025", "Jan. 31 2025".
std::optional<CalendarDate> parse_month_first(std::string_view s) {
    auto m = take_month_name(s);
    if (!m) {
        return std::nullopt;
    }
    s = trim(s);
    auto d = take_number(s, 1, 2);
    if (!d) {
        return std::nullopt;
    }
    take_char(s, ',');
    s = trim(s);
    auto y = take_number(s, 4, 4);
    if (!y || !s.empty()) {
        return std::nullopt;
    }
    return checked(*y, *m, *d);
}

/// "31 January 2025".
std::optional<CalendarDate> parse_day_month_year(std::string_view s) {
    auto d = take_number(s, 1, 2);
    if (!d) {
        return std::nullopt;
    }
    s = trim(s);
    auto m = take_month_name(s);
    if (!m) {
        return std::nullopt;
    }
    take_char(s, ',');
    s = trim(s);
    auto y = take_number(s, 4, 4);
    if (!y || !s.empty()) {
        return std::nullopt;
    }
    return checked(*y, *m, *d);
}

/// One end of a date spec and the days it names: "2025-01" all of January, "last-week" a
/// Monday to Sunday, "7d" one day.
struct SpecEnd {
    CalendarDate first;
    CalendarDate last;
    bool offset = false;  ///< "7d", "4w", "6m", "1y": alone, it means from then on
};

std::optional<SpecEnd> parse_absolute_end(std::string_view s) {
    std::string_view rest = s;
    auto y = take_number(rest, 4, 4);
    if (!y) {
        return std::nullopt;
    }
    if (rest.empty()) {
        return SpecEnd{{*y, 1, 1}, {*y, 12, 31}};
    }
    if (!take_char(rest, '-')) {
        return std::nullopt;
    }
    auto m = take_number(rest, 2, 2);
    if (!m || *m < 1 || *m > 12) {
        return std::nullopt;
    }
    if (rest.empty()) {
        return SpecEnd{{*y, *m, 1}, {*y, *m, days_in_month(*y, *m)}};
    }
    if (!take_char(rest, '-')) {
        return std::nullopt;
    }
    auto d = take_number(rest, 2, 2);
    if (!d || !rest.empty()) {
        return std::nullopt;
    }
    auto day = checked(*y, *m, *d);
    if (!day) {
        return std::nullopt;
    }
    return SpecEnd{*day, *day};
}

/// "today", "yesterday", "7d", "4w", "6m", "1y", "this-week" ... "last-year".
std::optional<SpecEnd> parse_relative_end(std::string_view s, const CalendarDate& today) {
    if (s == "today") {
        return SpecEnd{today, today};
    }
    if (s == "yesterday") {
        const CalendarDate day = add_days(today, -1);
        return SpecEnd{day, day};
    }
    const CalendarDate monday = week_start(today);
    const CalendarDate month_start{today.year, today.month, 1};
    if (s == "this-week") {
        return SpecEnd{monday, add_days(monday, 6)};
    }
    if (s == "last-week") {
        return SpecEnd{add_days(monday, -7), add_days(monday, -1)};
    }
    if (s == "this-month") {
        return SpecEnd{month_start,
                       {today.year, today.month, days_in_month(today.year, today.month)}};
    }
    if (s == "last-month") {
        const CalendarDate first = add_months(month_start, -1);
        return SpecEnd{first, add_days(month_start, -1)};
    }
    if (s == "this-year") {
        return SpecEnd{{today.year, 1, 1}, {today.year, 12, 31}};
    }
    if (s == "last-year") {
        return SpecEnd{{today.year - 1, 1, 1}, {today.year - 1, 12, 31}};
    }
    std::string_view rest = s;
    const auto n = take_number(rest, 1, 4);
    if (!n || rest.size() != 1) {
        return std::nullopt;
    }
    CalendarDate day;
    switch (rest.front()) {
        case 'd':
            day = add_days(today, -*n);
            break;
        case 'w':
            day = add_days(today, -7L * *n);
            break;
        case 'm':
            day = add_months(today, -*n);
            break;
        case 'y':
            day = add_months(today, -12 * *n);
            break;
        default:
            return std::nullopt;
    }
    if (!is_real_day(day)) {
        return std::nullopt;
    }
    return SpecEnd{day, day, true};
}

std::optional<SpecEnd> parse_spec_end(std::string_view s, const CalendarDate& today) {
    if (auto end = parse_absolute_end(s)) {
        return end;
    }
    return parse_relative_end(s, today);
}

Error bad_spec(std::string_view spec) {
    return Error{ErrorCode::Query,
                 "bad date '" + std::string(spec) + "'",
                 "use YYYY, YYYY-MM or YYYY-MM-DD; today, yesterday, 7d, 4w, 6m or 1y (that long "
                 "ago); this-week, last-week, this-month, last-month, this-year or last-year; or "
                 "a range such as 2025-01..2025-02, 2025-01-27.., ..2025-02 or 30d..7d"};
}

}  // namespace

std::optional<MonthName> month_from_name(std::string_view word) {
    if (word.size() < 3 || word.size() > 9) {
        return std::nullopt;
    }
    std::string lower(word);
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
        const int month = static_cast<int>(i) + 1;
        if (lower == kMonthNames[i]) {
            return MonthName{month, false};
        }
        if (lower == kMonthNames[i].substr(0, 3) || (month == 9 && lower == "sept")) {
            return MonthName{month, true};
        }
    }
    return std::nullopt;
}

std::string CalendarDate::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string CalendarDate::compact() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

bool is_real_day(const CalendarDate& date) {
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 &&
           date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

long days_from_epoch(const CalendarDate& date) {
    const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                          std::chrono::month{static_cast<unsigned>(date.month)},
                                          std::chrono::day{static_cast<unsigned>(date.day)}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

CalendarDate date_from_epoch_days(long days) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    return {static_cast<int>(ymd.year()),
            static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

CalendarDate add_days(const CalendarDate& date, long days) {
    return date_from_epoch_days(days_from_epoch(date) + days);
}

CalendarDate add_months(const CalendarDate& date, int months) {
    const int index = date.year * 12 + (date.month - 1) + months;
    const int year = index / 12;
    const int month = index % 12 + 1;
    return {year, month, std::min(date.day, days_in_month(year, month))};
}

int weekday(const CalendarDate& date) {
    // 1970-01-01 was a Thursday (3 counting from Monday = 0).
    const long days = days_from_epoch(date) + 3;
    return static_cast<int>(((days % 7) + 7) % 7);
}

CalendarDate week_start(const CalendarDate& date) {
    return add_days(date, -weekday(date));
}

std::string iso_week_label(const CalendarDate& date) {
    // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
    const CalendarDate thursday = add_days(week_start(date), 3);
    const long first = days_from_epoch({thursday.year, 1, 1});
    const int week = static_cast<int>((days_from_epoch(thursday) - first) / 7 + 1);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", thursday.year, week);
    return buf;
}

CalendarDate today() {
    if (const char* fixed = std::getenv("GAZETTE_TODAY"); fixed != nullptr) {
        if (auto date = parse_iso(fixed)) {
            return *date;
        }
    }
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return date_from_epoch_days(now.time_since_epoch().count());
}

std::optional<CalendarDate> parse_date(std::string_view text) {
    text = trim(text);
    if (text.empty()) {
        return std::nullopt;
    }
    if (auto d = parse_iso(text)) {
        return d;
    }
    if (auto d = parse_day_first(text)) {
        return d;
    }
    if (auto d = parse_month_first(text)) {
        return d;
    }
    return parse_day_month_year(text);
}

bool is_plausible_publication_date(const CalendarDate& date) {
    if (!is_real_day(date) || date.year < 1800) {
        return false;
    }
    const CalendarDate now = today();
    return days_from_epoch(date) <= days_from_epoch(now) + 366;
}

Result<DateSpan> parse_date_spec(std::string_view spec, const CalendarDate& today) {
    spec = trim(spec);
    if (spec.empty()) {
        return tl::unexpected(bad_spec(spec));
    }
    const auto dots = spec.find("..");
    if (dots == std::string_view::npos) {
        const auto end = parse_spec_end(spec, today);
        if (!end) {
            return tl::unexpected(bad_spec(spec));
        }
        if (end->offset) {
            return DateSpan{end->first, std::nullopt};
        }
        return DateSpan{end->first, end->last};
    }
    const std::string_view from = trim(spec.substr(0, dots));
    const std::string_view to = trim(spec.substr(dots + 2));
    if (from.empty() && to.empty()) {
        return tl::unexpected(bad_spec(spec));
    }
    DateSpan span;
    if (!from.empty()) {
        const auto end = parse_spec_end(from, today);
        if (!end) {
            return tl::unexpected(bad_spec(spec));
        }
        span.first = end->first;
    }
    if (!to.empty()) {
        const auto end = parse_spec_end(to, today);
        if (!end) {
            return tl::unexpected(bad_spec(spec));
        }
        span.last = end->last;
    }
    if (span.first && span.last && *span.last < *span.first) {
        return fail(ErrorCode::Query,
                    "date range '" + std::string(spec) + "' ends before it starts",
                    "put the earlier date first");
    }
    return span;
}

Result<DateSpan> parse_date_spec(std::string_view spec) {
    return parse_date_spec(spec, today());
}

Result<CalendarDate> parse_date_from(std::string_view spec) {
    auto span = parse_date_spec(spec);
    if (!span) {
        return tl::unexpected(span.error());
    }
    if (!span->first) {
        return tl::unexpected(bad_spec(spec));
    }
    return *span->first;
}

Result<CalendarDate> parse_date_to(std::string_view spec) {
    const std::string_view trimmed = trim(spec);
    // "7d" alone is open-ended as a spec; as the end of a range it is that day.
    auto span =
        parse_date_spec(trimmed.find("..") == std::string_view::npos ? ".." + std::string(trimmed)
                                                                     : std::string(trimmed));
    if (!span) {
        return tl::unexpected(bad_spec(spec));
    }
    if (!span->last) {
        return tl::unexpected(bad_spec(spec));
    }
    return *span->last;
}

}  // namespace gazette
