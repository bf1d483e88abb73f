/// @file
/// Exact person, organisation and place facets over the whole match set, from Xapian's stock
/// ValueCountMatchSpy only (so they work on remote shards served by an unmodified
/// xapian-tcpsrv): a report keeps its i-th entity of a type in slot entity_slot(type, i), one
/// spy counts each slot, and the counts of one name are summed over the slots. A report
/// holds a name once, in one slot, so the sums are exact.
#pragma once

#include "common/report.hpp"
#include "searcher/facets.hpp"

#include <xapian.h>

#include <memory>
#include <vector>

namespace gazette::search {

/// The most values listed per entity type (the most frequent; counts stay exact).
inline constexpr std::size_t kMaxEntityFacetValues = 100;

class EntityFacetCollector {
  public:
    /// Prepares one spy per entity slot that holds values in `database`.
    explicit EntityFacetCollector(const Xapian::Database& database);

    /// Registers the spies with an Enquire; they count during its next get_mset().
    void attach(Xapian::Enquire& enquire);

    /// Fills facets.person, facets.org and facets.place: by count, then name.
    void fill(Facets& facets) const;

  private:
    struct Spy {
        EntityType type;
        std::unique_ptr<Xapian::ValueCountMatchSpy> counts;
    };
    std::vector<Spy> spies_;
};

}  // namespace gazette::search
