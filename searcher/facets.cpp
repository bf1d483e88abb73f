#include "searcher/facets.hpp"

#include "common/dates.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <map>

namespace gazette::search {
namespace {

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

/// Adds up the counts of spies over slots that hold one field's values (mentioned months or
/// years): each report holds a value in one of them at most. In value order.
std::vector<FacetCount> merged_counts(
    const std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>& spies) {
    std::map<std::string, Xapian::doccount> merged;
    for (const auto& spy : spies) {
        for (const auto& c : counts_of(*spy)) {
            merged[c.value] += c.count;
        }
    }
    std::vector<FacetCount> counts;
    for (const auto& [value, count] : merged) {
        counts.push_back({value, count});
    }
    return counts;
}

}  // namespace

FacetCollector::FacetCollector()
    : outlets_(schema::slot(schema::Slot::Outlet)), dates_(schema::slot(schema::Slot::Date)) {
    for (std::size_t i = 0; i < schema::kMentionMonthSlots; ++i) {
        mention_months_.push_back(
            std::make_unique<Xapian::ValueCountMatchSpy>(schema::mention_month_slot(i)));
    }
    for (std::size_t i = 0; i < schema::kMentionYearSlots; ++i) {
        mention_years_.push_back(
            std::make_unique<Xapian::ValueCountMatchSpy>(schema::mention_year_slot(i)));
    }
}

void FacetCollector::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&outlets_);
    enquire.add_matchspy(&dates_);
    for (const auto& spy : mention_months_) {
        enquire.add_matchspy(spy.get());
    }
    for (const auto& spy : mention_years_) {
        enquire.add_matchspy(spy.get());
    }
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

    facets.mention_month = merged_counts(mention_months_);
    facets.mention_year = merged_counts(mention_years_);
    // Every mention has a year, and the first year slot is filled first.
    facets.no_mentions = total - sum(counts_of(*mention_years_.front()));
    return facets;
}

}  // namespace gazette::search
