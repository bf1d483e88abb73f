/// @file
/// Exact person, organisation and place facets over the whole match set, counted by SlotCounts
/// (so they also work on remote shards served by an unmodified xapian-tcpsrv): a report keeps
/// its i-th entity of a type in slot entity_slot(type, i), and the counts of one name are summed
/// over the slots of its type. A report holds a name once, in one slot, so the sums are exact.
#pragma once

#include "common/report.hpp"
#include "searcher/facets.hpp"

#include <xapian.h>

#include <utility>
#include <vector>

namespace gazette::search {

/// The most values listed per entity type (the most frequent; counts stay exact).
inline constexpr std::size_t kMaxEntityFacetValues = 100;

class EntityFacetCollector {
  public:
    /// Adds to `counts` (which must outlive the collector) one table per entity type, over the
    /// type's slots that hold values in `database`.
    EntityFacetCollector(const Xapian::Database& database, SlotCounts& counts);

    /// Fills facets.person, facets.org and facets.place: by count, then name.
    void fill(Facets& facets) const;

  private:
    const SlotCounts& counts_;
    std::vector<std::pair<EntityType, std::size_t>> tables_;  ///< type, table number
};

}  // namespace gazette::search
