/// @file
/// The facet records kept for one database: a FacetRecordCache per counting part (a core),
/// shared by every Searcher of a process that opened the database (gazette-serve's pool), so
/// that the records are numbered once and held once, not once per pooled Searcher. A search
/// leases a part's cache for its count of that part: one search at a time counts a part, which
/// costs nothing, since each count already keeps a core busy. Each cache knows the revision of
/// the part it was filled from and forgets itself when a search reads another: a report
/// re-indexed keeps its document id, so records of one revision must not count another's.
#pragma once

#include "searcher/facet_record_cache.hpp"

#include <xapian.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gazette::search {

class KeptFacetRecords {
  public:
    /// What a part's records were read from: the part's database id and Xapian revision, or,
    /// for a part without one (several shards in one part), the searcher and its reopen count.
    using Revision = std::string;

    /// A part's cache, held for one count.
    class Lease {
      public:
        FacetRecordCache& cache() const { return *cache_; }

      private:
        friend class KeptFacetRecords;
        Lease(std::unique_lock<std::mutex> lock, FacetRecordCache& cache)
            : lock_(std::move(lock)), cache_(&cache) {}
        std::unique_lock<std::mutex> lock_;
        FacetRecordCache* cache_;
    };

    explicit KeptFacetRecords(std::size_t parts);

    [[nodiscard]] std::size_t parts() const { return parts_.size(); }

    /// Waits until no other search counts `part`, then lends its cache, forgotten first when it
    /// was filled from another revision; its budget then fits `reports` (the part's size). A
    /// numbering grown past what every part may keep (values of reports long gone) is replaced
    /// then, and each part moves to the new one at its next lease.
    [[nodiscard]] Lease lease(std::size_t part, Revision revision, Xapian::doccount reports);

    /// @return the reports kept in all parts, and the bytes they take.
    [[nodiscard]] std::pair<std::size_t, std::size_t> size() const;

  private:
    struct Part {
        mutable std::mutex mutex;
        FacetRecordCache cache;
        std::optional<Revision> revision;
    };
    std::vector<std::unique_ptr<Part>> parts_;
    std::mutex numbering_mutex_;
    std::shared_ptr<FacetValueNumbers> numbering_;  ///< the parts' numbering, or the next one
};

}  // namespace gazette::search
