/// @file
/// Counts of string values for the facets' counting pass, where every match adds one count per
/// facet: one open-addressed array keyed by the value's 128-bit hash (XXH3; a collision is far
/// less likely than a hardware fault), so a count costs a hash and mostly one cache line, with
/// no allocation. std::unordered_map chases a node per look-up and allocates one per new value.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

class ValueTally {
  public:
    /// Adds `count` matches with `value` (not empty).
    void add(std::string_view value, Xapian::doccount count = 1);

    /// Calls f(value, count) for each value counted, in no particular order.
    template <class F>
    void for_each(F&& f) const {
        for (const auto& entry : entries_) {
            if (entry.count > 0) {
                f(std::string_view(values_[entry.value]), entry.count);
            }
        }
    }

    /// @return how many distinct values were counted.
    [[nodiscard]] std::size_t size() const { return values_.size(); }

    /// @return the sum of the counts: the matches with a value, when each has one at most.
    [[nodiscard]] Xapian::doccount total() const { return total_; }

  private:
    struct Entry {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        Xapian::doccount count = 0;  ///< 0: an empty entry
        std::uint32_t value = 0;     ///< index into values_
    };
    void grow();

    std::vector<Entry> entries_;       ///< a power of two long, at most half full
    std::vector<std::string> values_;  ///< each value once, as first seen
    Xapian::doccount total_ = 0;
};

}  // namespace gazette::search
