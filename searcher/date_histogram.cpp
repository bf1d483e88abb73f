#include "searcher/date_histogram.hpp"

#include <algorithm>
#include <cstdio>

namespace gazette::search {
namespace {

BucketSize bucket_for(const CalendarDate& first, const CalendarDate& last) {
    const long days = days_from_epoch(last) - days_from_epoch(first) + 1;
    const int months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
    if (days <= kMaxDayBuckets) {
        return BucketSize::Day;
    }
    if (days <= kMaxWeekBucketDays) {
        return BucketSize::Week;
    }
    if (months <= kMaxMonthBuckets) {
        return BucketSize::Month;
    }
    return BucketSize::Year;
}

/// The bucket holding a day.
HistogramBucket bucket_of(const CalendarDate& day, BucketSize size) {
    char label[16];
    switch (size) {
        case BucketSize::Day:
            return {day, day, day.iso(), 0};
        case BucketSize::Week: {
            const CalendarDate monday = week_start(day);
            return {monday, add_days(monday, 6), iso_week_label(day), 0};
        }
        case BucketSize::Month:
            std::snprintf(label, sizeof label, "%04d-%02d", day.year, day.month);
            return {{day.year, day.month, 1},
                    {day.year, day.month, days_in_month(day.year, day.month)},
                    label,
                    0};
        case BucketSize::Year:
            break;
    }
    std::snprintf(label, sizeof label, "%04d", day.year);
    return {{day.year, 1, 1}, {day.year, 12, 31}, label, 0};
}

}  // namespace

std::string_view bucket_name(BucketSize size) {
    switch (size) {
        case BucketSize::Day:
            return "day";
        case BucketSize::Week:
            return "week";
        case BucketSize::Month:
            return "month";
        case BucketSize::Year:
            break;
    }
    return "year";
}

DateHistogram make_date_histogram(
    const std::vector<std::pair<CalendarDate, Xapian::doccount>>& days) {
    DateHistogram histogram;
    if (days.empty()) {
        return histogram;
    }
    const auto [min_it, max_it] = std::minmax_element(
        days.begin(), days.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    histogram.bucket = bucket_for(min_it->first, max_it->first);
    // Every bucket from the first to the last, empty ones included.
    for (CalendarDate day = min_it->first; day <= max_it->first;) {
        HistogramBucket bucket = bucket_of(day, histogram.bucket);
        day = add_days(bucket.end, 1);
        histogram.buckets.push_back(std::move(bucket));
    }
    for (const auto& [day, count] : days) {
        const auto it = std::upper_bound(
            histogram.buckets.begin(),
            histogram.buckets.end(),
            day,
            [](const CalendarDate& d, const HistogramBucket& b) { return d < b.start; });
        (it - 1)->count += count;
    }
    return histogram;
}

}  // namespace gazette::search
