#include "searcher/facet_counts_cache.hpp"

namespace gazette::search {

const FacetCountsCache::Counted* FacetCountsCache::find(const std::string& key) {
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) {
        return nullptr;
    }
    recent_.splice(recent_.begin(), recent_, it->second);
    ++hits_;
    return &it->second->second;
}

void FacetCountsCache::keep(const std::string& key, Counted counted) {
    if (capacity_ == 0) {
        return;
    }
    if (const auto it = by_key_.find(key); it != by_key_.end()) {
        it->second->second = std::move(counted);
        recent_.splice(recent_.begin(), recent_, it->second);
        return;
    }
    recent_.emplace_front(key, std::move(counted));
    by_key_.emplace(key, recent_.begin());
    if (recent_.size() > capacity_) {
        by_key_.erase(recent_.back().first);
        recent_.pop_back();
    }
}

void FacetCountsCache::forget() {
    recent_.clear();
    by_key_.clear();
}

}  // namespace gazette::search
