#include "searcher/facets.hpp"

#include "common/dates.hpp"
#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::search {
namespace {

/// Stories of several reports listed in the story facet.
constexpr std::size_t kTopStories = 10;

/// A table's values and counts in value order, sorted as views into the table (a value's bytes
/// stay put while it lives): a broad query has thousands of days, copied once, after the sort.
/// `Table`: a CountTable or a ValueTally.
template <class Table>
std::vector<std::pair<std::string_view, Xapian::doccount>> sorted_counts(const Table& table) {
    std::vector<std::pair<std::string_view, Xapian::doccount>> counts;
    counts.reserve(table.size());
    table.for_each(
        [&](std::string_view value, Xapian::doccount count) { counts.emplace_back(value, count); });
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    return counts;
}

/// In value order.
template <class Table>
std::vector<FacetCount> counts_of(const Table& table) {
    const auto sorted = sorted_counts(table);
    std::vector<FacetCount> counts;
    counts.reserve(sorted.size());
    for (const auto& [value, count] : sorted) {
        counts.push_back({std::string(value), count});
    }
    return counts;
}

Xapian::doccount sum(const std::vector<FacetCount>& counts) {
    Xapian::doccount total = 0;
    for (const auto& c : counts) {
        total += c.count;
    }
    return total;
}

/// The matches that have a value in the table's slots (each has one at most).
Xapian::doccount with_value(const CountTable& table) {
    return table.total();
}

/// Counts per month or year from counts per joined list ("2024-08 2024-11": 3 adds 3 to each)
/// or per month or year already (a table of lists counted by part): exact, as a report lists
/// each month or year once. In value order. Each value is counted in a flat table, not looked
/// up in a std::map.
std::vector<FacetCount> split_counts(const CountTable& table) {
    ValueTally split;
    table.for_each([&](std::string_view joined, Xapian::doccount count) {
        for (const auto value : split_facet_value(joined)) {
            split.add(value, count);
        }
    });
    return counts_of(split);
}

}  // namespace

FacetCollector::FacetCollector(SlotCounts& counts)
    : counts_(counts),
      outlets_(counts.add({schema::slot(schema::Slot::Outlet)})),
      dates_(counts.add({schema::slot(schema::Slot::Date)})),
      stories_(counts.add({schema::slot(schema::Slot::StoryKey)})),
      mention_months_(
          counts.add({schema::slot(schema::Slot::MentionMonths)}, SlotCounts::Values::Lists)),
      mention_years_(
          counts.add({schema::slot(schema::Slot::MentionYears)}, SlotCounts::Values::Lists)) {}

Facets FacetCollector::result(Xapian::doccount total) const {
    Facets facets;
    facets.outlet = counts_of(counts_.table(outlets_));
    std::stable_sort(facets.outlet.begin(),
                     facets.outlet.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    facets.no_outlet = total - with_value(counts_.table(outlets_));

    std::vector<std::pair<CalendarDate, Xapian::doccount>> days;
    // "YYYYMMDD" in value order is in date order, so each month's days come together.
    for (const auto& [compact, count] : sorted_counts(counts_.table(dates_))) {
        if (compact.size() != 8) {
            continue;
        }
        std::string iso;
        iso.reserve(10);
        iso.append(compact.substr(0, 4)).append("-").append(compact.substr(4, 2));
        iso.append("-").append(compact.substr(6, 2));
        const auto day = parse_date(iso);
        if (!day) {
            continue;
        }
        const std::string_view month = std::string_view(iso).substr(0, 7);
        if (facets.month.empty() || facets.month.back().value != month) {
            facets.month.push_back({std::string(month), 0});
        }
        facets.month.back().count += count;
        days.emplace_back(*day, count);
        facets.day.push_back({std::move(iso), count});
    }
    facets.undated = total - sum(facets.day);
    facets.date_histogram = make_date_histogram(days);

    facets.mention_month = split_counts(counts_.table(mention_months_));
    facets.mention_year = split_counts(counts_.table(mention_years_));
    // Every mention has a year: a report without a list of years mentions nothing.
    facets.no_mentions = total - with_value(counts_.table(mention_years_));

    // Reports indexed before story keys existed have none: each is its own story.
    const CountTable& stories = counts_.table(stories_);
    facets.stories = static_cast<Xapian::doccount>(stories.size()) + (total - with_value(stories));
    // A broad query has hundreds of thousands of stories: only the top few become strings.
    std::vector<std::pair<Xapian::doccount, std::string_view>> several;
    stories.for_each([&](std::string_view key, Xapian::doccount count) {
        if (count > 1) {
            several.emplace_back(count, key);
        }
    });
    const auto by_count = [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    const auto top = std::min(kTopStories, several.size());
    std::partial_sort(several.begin(),
                      several.begin() + static_cast<std::ptrdiff_t>(top),
                      several.end(),
                      by_count);
    for (std::size_t i = 0; i < top; ++i) {
        facets.story.push_back({std::string(several[i].second), several[i].first});
    }
    return facets;
}

}  // namespace gazette::search
