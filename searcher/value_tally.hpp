/// @file
/// Counts of string values for the facets' counting pass, where every match adds one count per
/// facet: one open-addressed array keyed by 96 bits of the value's XXH3-128 hash (a collision,
/// about 1e-17 for a million values, is far less likely than a hardware fault), so a count
/// costs a hash and mostly one cache line. Entries are 24 bytes: in tables of hundreds of
/// thousands of values (story keys, names), each count is a cache miss, and smaller entries
/// miss less. The values themselves sit end to end in one buffer, each after its length: a new
/// value allocates nothing most times. std::unordered_map chases a node per look-up and
/// allocates one per new value.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {

class ValueTally {
  public:
    /// 96 bits of a value's XXH3-128 hash: what the table tells values apart by.
    struct Hash {
        std::uint64_t low = 0;
        std::uint32_t high = 0;
    };
    [[nodiscard]] static Hash hash_of(std::string_view value);

    /// Adds `count` matches with `value` (not empty).
    void add(std::string_view value, Xapian::doccount count = 1);

    /// The same, for a value whose hash the caller kept (hash_of(value)).
    void add(const Hash& hash, std::string_view value, Xapian::doccount count) {
        if (count > 0) {
            add_hashed(hash.low, hash.high, value, count);
            total_ += count;
        }
    }

    // A table of lists ("2024-08 2024-11": the months a report mentions) may count some lists
    // split into their parts (FacetRecordCache does): a part's count adds nothing to total(),
    // and each list counted that way adds one with add_lists().

    /// Adds `count` matches whose list holds `part` (hash: hash_of(part)).
    void add_part(const Hash& hash, std::string_view part, Xapian::doccount count) {
        if (count > 0) {
            add_hashed(hash.low, hash.high, part, count);
        }
    }

    /// Adds `count` matches to total(): matches whose lists were counted by their parts.
    void add_lists(Xapian::doccount count) { total_ += count; }

    /// Makes room for `values` distinct values, so that adding them grows the table once.
    void reserve(std::size_t values);

    /// Adds every count of `other`.
    void merge(const ValueTally& other);

    /// Calls f(value, count) for each value counted, in no particular order.
    template <class F>
    void for_each(F&& f) const {
        for_each_hashed([&](std::uint64_t, std::string_view value, Xapian::doccount count) {
            f(value, count);
        });
    }

    /// Calls f(hash, value, count) for each value counted, where `hash` is 64 bits of the
    /// value's XXH3-128 hash: for callers that keep something per value between searches.
    template <class F>
    void for_each_hashed(F&& f) const {
        for (const auto& entry : entries_) {
            if (entry.count > 0) {
                f(entry.low, value_at(entry.offset), entry.count);
            }
        }
    }

    /// @return how many distinct values were counted.
    [[nodiscard]] std::size_t size() const { return size_; }

    /// @return the sum of the counts, parts left out, plus add_lists(): the matches with a
    /// value, when each has one at most.
    [[nodiscard]] Xapian::doccount total() const { return total_; }

  private:
    struct Entry {
        std::uint64_t low = 0;       ///< the low 64 bits of the hash
        std::uint32_t high = 0;      ///< 32 more bits of it
        Xapian::doccount count = 0;  ///< 0: an empty entry
        std::uint32_t offset = 0;    ///< the value's length, then the value, at bytes_[offset]
    };
    static_assert(sizeof(Entry) == 24);
    /// Adds `count` (> 0) to the value whose XXH3-128 hash is (low, high); total() unchanged.
    void add_hashed(std::uint64_t low,
                    std::uint32_t high,
                    std::string_view value,
                    Xapian::doccount count);
    void grow();
    /// Moves every entry to a table `capacity` long (a power of two, at least twice size_).
    void rehash(std::size_t capacity);
    /// @return the value stored at `offset` in bytes_.
    [[nodiscard]] std::string_view value_at(std::uint32_t offset) const;

    std::vector<Entry> entries_;  ///< a power of two long, at most half full
    std::string bytes_;           ///< each value once, as first seen, after its 4-byte length
    std::size_t size_ = 0;
    Xapian::doccount total_ = 0;
};

}  // namespace gazette::search
