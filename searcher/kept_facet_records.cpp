#include "searcher/kept_facet_records.hpp"

namespace gazette::search {

KeptFacetRecords::KeptFacetRecords(std::size_t parts)
    : numbering_(std::make_shared<FacetValueNumbers>()) {
    for (std::size_t k = 0; k < std::max<std::size_t>(parts, 1); ++k) {
        parts_.push_back(std::make_unique<Part>());
    }
}

KeptFacetRecords::Lease KeptFacetRecords::lease(std::size_t part,
                                                Revision revision,
                                                Xapian::doccount reports) {
    Part& p = *parts_.at(part);
    std::unique_lock lock(p.mutex);
    std::shared_ptr<FacetValueNumbers> numbering;
    {
        const std::lock_guard numbering_lock(numbering_mutex_);
        if (p.revision != revision &&
            numbering_->bytes() > FacetRecordCache::budget_for(reports) * parts_.size()) {
            numbering_ = std::make_shared<FacetValueNumbers>();
        }
        numbering = numbering_;
    }
    if (p.revision != revision || p.cache.numbering() != numbering) {
        p.cache.use_numbering(std::move(numbering));
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
