/// @file
/// Facet counts over the whole match set: which outlets and dates the matches have, and which
/// dates they mention. Counted by SlotCounts (slot_counts.hpp), so the counts also merge over
/// remote shards served by an unmodified xapian-tcpsrv.
#pragma once

#include "searcher/date_histogram.hpp"
#include "searcher/slot_counts.hpp"

#include <xapian.h>

#include <string>
#include <vector>

namespace gazette::search {

struct FacetCount {
    std::string value;
    Xapian::doccount count = 0;
};

/// Counts over the whole match set, not the page.
struct Facets {
    std::vector<FacetCount> outlet;  ///< by count, then name
    std::vector<FacetCount> month;   ///< "YYYY-MM", in date order
    std::vector<FacetCount> day;     ///< "YYYY-MM-DD", in date order
    Xapian::doccount undated = 0;    ///< matches without a publication date
    Xapian::doccount no_outlet = 0;  ///< matches without an outlet
    Xapian::doccount stories = 0;    ///< distinct stories among the matches (near-duplicates once)
    std::vector<FacetCount> story;   ///< stories told by more than one match, by count (top 10)
    std::vector<FacetCount> person;  ///< by count, then name (see entity_facets.hpp)
    std::vector<FacetCount> org;
    std::vector<FacetCount> place;
    DateHistogram date_histogram;  ///< publication dates, bucketed by the span they cover
    /// Mentioned dates: reports mentioning each month ("YYYY-MM") and year ("YYYY"), in date
    /// order, and the reports that mention none.
    std::vector<FacetCount> mention_month;
    std::vector<FacetCount> mention_year;
    Xapian::doccount no_mentions = 0;
};

/// Counts facet values while Enquire runs. Counts are exact only when the search looks at every
/// match (get_mset's check_at_least at least the document count).
class FacetCollector {
  public:
    /// Adds the facets' slots to `counts` (which must outlive the collector).
    explicit FacetCollector(SlotCounts& counts);

    /// @return the counts, given the exact number of matches, once the counting pass has run.
    [[nodiscard]] Facets result(Xapian::doccount total) const;

  private:
    const SlotCounts& counts_;
    std::size_t outlets_;
    std::size_t dates_;
    std::size_t stories_;
    /// Each report's joined list of mentioned months or years is counted; result() splits them.
    std::size_t mention_months_;
    std::size_t mention_years_;
};

}  // namespace gazette::search
