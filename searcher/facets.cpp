#include "searcher/facets.hpp"

#include "common/dates.hpp"
#include "common/mentioned_dates.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <map>

namespace gazette::search {
namespace {

/// Stories of several reports listed in the story facet.
constexpr std::size_t kTopStories = 10;

std::vector<FacetCount> counts_of(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetCount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        counts.push_back({*it, it.get_termfreq()});
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

/// Counts per month or year from counts per joined list ("2024-08 2024-11": 3 adds 3 to each):
/// exact, as a report lists each month or year once. In value order.
std::vector<FacetCount> split_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount, std::less<>> split;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string joined = *it;
        for (const auto value : split_facet_value(joined)) {
            auto at = split.find(value);
            if (at == split.end()) {
                at = split.emplace(std::string(value), 0).first;
            }
            at->second += it.get_termfreq();
        }
    }
    std::vector<FacetCount> counts;
    for (auto& [value, count] : split) {
        counts.push_back({value, count});
    }
    return counts;
}

/// The matches that have a value in the spy's slot.
Xapian::doccount with_value(const Xapian::ValueCountMatchSpy& spy) {
    Xapian::doccount total = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        total += it.get_termfreq();
    }
    return total;
}

}  // namespace

FacetCollector::FacetCollector()
    : outlets_(schema::slot(schema::Slot::Outlet)),
      dates_(schema::slot(schema::Slot::Date)),
      stories_(schema::slot(schema::Slot::StoryKey)),
      mention_months_(schema::slot(schema::Slot::MentionMonths)),
      mention_years_(schema::slot(schema::Slot::MentionYears)) {}

void FacetCollector::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&outlets_);
    enquire.add_matchspy(&dates_);
    enquire.add_matchspy(&stories_);
    enquire.add_matchspy(&mention_months_);
    enquire.add_matchspy(&mention_years_);
}

Facets FacetCollector::result(Xapian::doccount total) const {
    Facets facets;
    facets.outlet = counts_of(outlets_);
    std::stable_sort(facets.outlet.begin(),
                     facets.outlet.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    facets.no_outlet = total - sum(facets.outlet);

    std::map<std::string, Xapian::doccount> months;
    std::vector<std::pair<CalendarDate, Xapian::doccount>> days;
    for (const auto& [compact, count] : counts_of(dates_)) {
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

    facets.mention_month = split_counts(mention_months_);
    facets.mention_year = split_counts(mention_years_);
    // Every mention has a year: a report without a list of years mentions nothing.
    facets.no_mentions = total - with_value(mention_years_);

    // Reports indexed before story keys existed have none: each is its own story.
    const auto stories = counts_of(stories_);
    facets.stories = static_cast<Xapian::doccount>(stories.size()) + (total - sum(stories));
    for (auto it = stories_.top_values_begin(kTopStories);
         it != stories_.top_values_end(kTopStories);
         ++it) {
        if (it.get_termfreq() > 1) {
            facets.story.push_back({*it, it.get_termfreq()});
        }
    }
    return facets;
}

}  // namespace gazette::search
