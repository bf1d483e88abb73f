#include "searcher/kept_facet_records.hpp"

namespace gazette::search {

KeptFacetRecords::KeptFacetRecords(std::size_t parts) {
    for (std::size_t k = 0; k < std::max<std::size_t>(parts, 1); ++k) {
        parts_.push_back(std::make_unique<Part>());
    }
}

KeptFacetRecords::Lease KeptFacetRecords::lease(std::size_t part,
                                                Revision revision,
                                                Xapian::doccount reports) {
    Part& p = *parts_.at(part);
    std::unique_lock lock(p.mutex);
    if (p.revision != revision) {
        p.cache.forget();
        p.cache.set_budget(FacetRecordCache::budget_for(reports));
        p.revision = revision;
    }
    return Lease(std::move(lock), p.cache);
}

std::pair<std::size_t, std::size_t> KeptFacetRecords::size() const {
    std::pair<std::size_t, std::size_t> total;
    for (const auto& p : parts_) {
        const std::lock_guard lock(p->mutex);
        total.first += p->cache.reports();
        total.second += p->cache.bytes();
    }
    return total;
}

}  // namespace gazette::search
