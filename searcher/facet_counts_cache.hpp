/// @file
/// The facet counts of the last searches, by the query they counted. The search page asks for
/// the same counts again and again: each page of results, each change of sort, and each choice
/// of a facet value (the page counts every chosen group again without its own values, and those
/// asks repeat from one choice to the next). Counting is most of a broad search's time (a pass
/// over every match), and the counts depend on nothing but the matches, so a searcher that
/// answers many searches (gazette-serve's) keeps the last few. Elasticsearch's shard request
/// cache does the same for aggregations.
#pragma once

#include "searcher/facets.hpp"

#include <xapian.h>

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

namespace gazette::search {

class FacetCountsCache {
  public:
    /// What one counting pass found.
    struct Counted {
        Facets facets;
        Xapian::doccount total = 0;  ///< exact number of matches
    };

    /// A few hundred KB at most: an entry is tens of KB (the top names, the date buckets).
    static constexpr std::size_t kDefaultCapacity = 32;

    explicit FacetCountsCache(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

    /// @return the key of the counts of `query`'s matches (its serialised form: the filters are
    /// part of it).
    [[nodiscard]] static std::string key_of(const Xapian::Query& query) {
        return query.serialise();
    }

    /// @return the counts kept under `key`, or null; a hit becomes the most recently used.
    [[nodiscard]] const Counted* find(const std::string& key);

    /// Keeps `counted` under `key`, forgetting the least recently used beyond the capacity.
    void keep(const std::string& key, Counted counted);

    /// Forgets every count (the database moved to another revision).
    void forget();

    [[nodiscard]] std::size_t size() const { return by_key_.size(); }
    [[nodiscard]] std::size_t hits() const { return hits_; }  ///< since construction

  private:
    using Entry = std::pair<std::string, Counted>;
    std::list<Entry> recent_;  ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
    std::size_t capacity_;
    std::size_t hits_ = 0;
};

}  // namespace gazette::search
