/// @file
/// The numbers of facet values, one numbering shared by every counting part (core) of a
/// database. Each part keeps its reports' facet records as these numbers (facet_record_cache.hpp)
/// and counts a search's matches into arrays by number, so adding the parts of a search up is
/// a sum of arrays, and a value becomes a string only when the facets read it. With a numbering
/// per part, each part put its distinct values (a story key a report, a few names) into a hash
/// table of strings, and the tables were then merged: a third of a broad facet search at 300k
/// reports (BENCHMARKS.md). The parts count on threads of their own, so numbering a new value
/// takes the lock for writing, reading values the lock for reading; a value's bytes never move.
#pragma once

#include "searcher/value_tally.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace gazette::search {

class FacetValueNumbers;

/// Counts by value number, per count table: what counting from numbered records gives.
struct NumberedCounts {
    struct Table {
        std::vector<std::uint32_t> numbers;    ///< the values counted, each once
        std::vector<Xapian::doccount> counts;  ///< their counts, in the same order
    };
    std::shared_ptr<const FacetValueNumbers> numbering;  ///< null: nothing counted by number
    std::vector<Table> tables;

    [[nodiscard]] bool empty() const { return numbering == nullptr; }
};

class FacetValueNumbers {
  public:
    /// Numbers per table: a record's entry keeps a number in 26 bits.
    static constexpr std::uint32_t kMaxNumbers = (std::uint32_t{1} << 26) - 1;

    FacetValueNumbers();

    /// @return a number no other numbering of this process has: for callers that keep
    /// something per value number between searches.
    [[nodiscard]] std::uint64_t id() const { return id_; }

    /// Takes the layout of the tables (per table: whether its values are lists, as
    /// split_facet_value() splits them) if it has none yet. @return false when it numbers
    /// another layout.
    bool adopt(const std::vector<bool>& lists);

    /// Held while numbering; number_of() needs it. Two parts counting ahead number a record
    /// each at once, a microsecond or two: waiting a little beats sleeping in the kernel.
    [[nodiscard]] std::unique_lock<std::shared_mutex> writing() const {
        for (int tries = 0; tries < kSpins; ++tries) {
            if (mutex_.try_lock()) {
                return std::unique_lock(mutex_, std::adopt_lock);
            }
            std::this_thread::yield();
        }
        return std::unique_lock(mutex_);
    }
    /// Held while reading values; the readers below need it.
    [[nodiscard]] std::shared_lock<std::shared_mutex> reading() const {
        return std::shared_lock(mutex_);
    }

    /// @return the number of `value` (not empty; `hash`: ValueTally::hash_of(value), made
    /// before the lock was taken) in `table`, numbered now if new, its heap cost added to
    /// `bytes`; nullopt when the table's numbers ran out.
    std::optional<std::uint32_t> number_of(std::size_t table,
                                           std::string_view value,
                                           const ValueTally::Hash& hash,
                                           std::size_t& bytes);

    [[nodiscard]] std::string_view value(std::size_t table, std::uint32_t number) const {
        return tables_[table].values[number];
    }
    [[nodiscard]] const ValueTally::Hash& hash(std::size_t table, std::uint32_t number) const {
        return tables_[table].hashes[number];
    }

    /// Adds the counts `counts` of table `table` to `into`: each value with its kept hash, a
    /// table of lists by part (ValueTally::add_part(), each list once in total()).
    void add_to(std::size_t table, const NumberedCounts::Table& counts, ValueTally& into) const;

    /// @return the heap bytes of every value numbered.
    [[nodiscard]] std::size_t bytes() const;

  private:
    static constexpr int kSpins = 64;

    struct Table {
        /// The values, end to end in blocks that never move (the views below point into them).
        std::vector<std::unique_ptr<char[]>> blocks;
        std::size_t block_used = 0;
        /// Open-addressed, keyed by the value's hash as ValueTally is.
        struct Slot {
            std::uint64_t low = 0;
            std::uint32_t high = 0;
            std::uint32_t number = 0;  ///< 1 + the value's number; 0: an empty slot
        };
        std::vector<Slot> index;               ///< a power of two long, at most half full
        std::vector<std::string_view> values;  ///< by number
        std::vector<ValueTally::Hash> hashes;  ///< by number: hashed once, not per search

        /// A table of lists numbers their parts too: a search's distinct lists (nearly one per
        /// match: few reports mention the same months) become the counts of a few hundred
        /// months, not as many strings to hash and split.
        std::unique_ptr<Table> parts;
        std::vector<std::uint32_t> part_numbers;  ///< the parts of every list, list after list
        std::vector<std::uint32_t> parts_begin;   ///< 0, then by number where the next list's
                                                  ///< parts start in part_numbers

        std::optional<std::uint32_t> number_of(std::string_view value,
                                               const ValueTally::Hash& hash,
                                               std::size_t& bytes);
    };

    const std::uint64_t id_;
    mutable std::shared_mutex mutex_;
    std::vector<bool> lists_;
    std::vector<Table> tables_;
    std::size_t bytes_ = 0;
    bool adopted_ = false;
};

}  // namespace gazette::search
