#include "searcher/facets.hpp"

#include "common/dates.hpp"
#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::search {
namespace {

/// Stories of several reports listed in the story facet.
constexpr std::size_t kTopStories = 10;

/// In value order. `Table`: a CountTable or a ValueTally.
template <class Table>
std::vector<FacetCount> counts_of(const Table& table) {
    std::vector<FacetCount> counts;
    counts.reserve(table.size());
    table.for_each([&](std::string_view value, Xapian::doccount count) {
        counts.push_back({std::string(value), count});
    });
    std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.value < b.value;
    });
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

    std::map<std::string, Xapian::doccount> months;
    std::vector<std::pair<CalendarDate, Xapian::doccount>> days;
    for (const auto& [compact, count] : counts_of(counts_.table(dates_))) {
        if (compact.size() != 8) {
            continue;
        }
        const std::string iso =
            compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
        const auto day = parse_date(iso);
        if (!day) {
            continue;
        }
        facets.day.push_back({iso, count});
        months[iso.substr(0, 7)] += count;
        days.emplace_back(*day, count);
    }
    for (const auto& [month, count] : months) {
        facets.month.push_back({month, count});
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
