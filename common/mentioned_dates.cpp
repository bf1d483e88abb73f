#include "common/mentioned_dates.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

namespace gazette {
namespace {

constexpr std::array<std::string_view, 5> kGranularityNames = {
    "day", "week", "month", "season", "year"};

std::string year_month(int year, int month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::string_view season_name(int first_month) {
    switch (first_month) {
        case 3:
            return "spring";
        case 6:
            return "summer";
        case 9:
            return "autumn";
        default:
            return "winter";
    }
}

/// Calls f(year, month) for each month a span touches.
template <class F>
void for_each_month(const MentionedDate& m, F f) {
    for (CalendarDate d{m.first.year, m.first.month, 1}; d <= m.last; d = add_months(d, 1)) {
        f(d.year, d.month);
    }
}

std::string joined(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        out += out.empty() ? "" : " ";
        out += v;
    }
    return out;
}

}  // namespace

std::string_view granularity_name(DateGranularity granularity) {
    return kGranularityNames[static_cast<std::size_t>(granularity)];
}

std::optional<DateGranularity> granularity_from_name(std::string_view name) {
    for (std::size_t i = 0; i < kGranularityNames.size(); ++i) {
        if (kGranularityNames[i] == name) {
            return static_cast<DateGranularity>(i);
        }
    }
    return std::nullopt;
}

std::string mention_label(const MentionedDate& mention) {
    const CalendarDate& first = mention.first;
    switch (mention.granularity) {
        case DateGranularity::Day:
            return first.iso();
        case DateGranularity::Week:
            return iso_week_label(first);
        case DateGranularity::Month:
            return year_month(first.year, first.month);
        case DateGranularity::Season:
            // A winter is named by the year of its January, as "winter 2016" is written.
            return std::to_string(first.month == 12 ? first.year + 1 : first.year) + "-" +
                   std::string(season_name(first.month));
        case DateGranularity::Year:
            break;
    }
    return std::to_string(first.year);
}

std::vector<std::string> mention_terms(const MentionedDate& mention) {
    std::vector<std::string> terms;
    if (mention.granularity == DateGranularity::Day) {
        terms.push_back(
            schema::mention_day_term(mention.first.year, mention.first.month, mention.first.day));
    }
    if (mention.granularity == DateGranularity::Day ||
        mention.granularity == DateGranularity::Week ||
        mention.granularity == DateGranularity::Month) {
        for_each_month(mention, [&](int year, int month) {
            terms.push_back(schema::mention_month_term(year, month));
        });
    }
    for (int year = mention.first.year; year <= mention.last.year; ++year) {
        terms.push_back(schema::mention_year_term(year));
    }
    return terms;
}

std::vector<std::string> mention_span_terms(const DateSpan& span, int min_year, int max_year) {
    CalendarDate first = span.first.value_or(CalendarDate{min_year, 1, 1});
    CalendarDate last = span.last.value_or(CalendarDate{max_year, 12, 31});
    first = std::max(first, CalendarDate{min_year, 1, 1});
    last = std::min(last, CalendarDate{max_year, 12, 31});
    std::vector<std::string> terms;
    for_each_span_piece(first, last, [&](SpanPiece piece, const CalendarDate& d) {
        switch (piece) {
            case SpanPiece::Year:
                terms.push_back(schema::mention_year_term(d.year));
                break;
            case SpanPiece::Month:
                terms.push_back(schema::mention_month_term(d.year, d.month));
                break;
            case SpanPiece::Day:
                terms.push_back(schema::mention_day_term(d.year, d.month, d.day));
                break;
        }
    });
    return terms;
}

MentionFacetValues mention_facet_values(const std::vector<MentionedDate>& mentions) {
    std::set<std::string> months;
    std::set<std::string> years;
    for (const auto& m : mentions) {
        if (m.granularity == DateGranularity::Day || m.granularity == DateGranularity::Week ||
            m.granularity == DateGranularity::Month) {
            for_each_month(m, [&](int year, int month) { months.insert(year_month(year, month)); });
        }
        for (int year = m.first.year; year <= m.last.year; ++year) {
            years.insert(std::to_string(year));
        }
    }
    return {joined(months), joined(years)};
}

std::vector<std::string_view> split_facet_value(std::string_view joined) {
    std::vector<std::string_view> values;
    while (!joined.empty()) {
        const auto space = joined.find(' ');
        values.push_back(joined.substr(0, space));
        joined.remove_prefix(space == std::string_view::npos ? joined.size() : space + 1);
    }
    return values;
}

}  // namespace gazette
