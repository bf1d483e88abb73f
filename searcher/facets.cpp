#include "searcher/facets.hpp"

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

}  // namespace

FacetCollector::FacetCollector()
    : outlets_(schema::slot(schema::Slot::Outlet)),
      dates_(schema::slot(schema::Slot::Date)),
      stories_(schema::slot(schema::Slot::StoryKey)) {}

void FacetCollector::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&outlets_);
    enquire.add_matchspy(&dates_);
    enquire.add_matchspy(&stories_);
}

Facets FacetCollector::result(Xapian::doccount total) const {
    // With a collapse key the spies also see the matches folded away: count what they saw.
    total = std::max(total, static_cast<Xapian::doccount>(outlets_.get_total()));
    Facets facets;
    facets.outlet = counts_of(outlets_);
    std::stable_sort(facets.outlet.begin(),
                     facets.outlet.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    facets.no_outlet = total - sum(facets.outlet);

    std::map<std::string, Xapian::doccount> months;
    for (const auto& [compact, count] : counts_of(dates_)) {
        if (compact.size() != 8) {
            continue;
        }
        const std::string iso =
            compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
        facets.day.push_back({iso, count});
        months[iso.substr(0, 7)] += count;
    }
    for (const auto& [month, count] : months) {
        facets.month.push_back({month, count});
    }
    facets.undated = total - sum(facets.day);

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
