/// @file
/// Exact counts of the values in some value slots over every match of a search: the facets'
/// counting pass. Locally, one match spy of our own reads each slot once per match into flat hash
/// tables (value_tally.hpp), several times faster than Xapian's stock ValueCountMatchSpy (a sorted
/// std::map per slot, 38 of them). A stock xapian-tcpsrv cannot run our spy, so over remote shards
/// the same counts come from one stock ValueCountMatchSpy per slot, which Xapian merges across
/// shards.
#pragma once

#include "searcher/facet_record_cache.hpp"
#include "searcher/facet_value_numbers.hpp"
#include "searcher/value_tally.hpp"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gazette::search {

/// Value -> the matches that have it, for one count table: counted as strings (a ValueTally),
/// or by number from kept records (facet_value_numbers.hpp), whose values become strings only
/// as they are read here.
class CountTable {
  public:
    /// Calls f(value, count) for each value counted, in no particular order.
    template <class F>
    void for_each(F&& f) const {
        for_each_hashed([&](std::uint64_t, std::string_view value, Xapian::doccount count) {
            f(value, count);
        });
    }

    /// Calls f(hash, value, count) for each value counted, where `hash` is 64 bits of the
    /// value's XXH3-128 hash (ValueTally::for_each_hashed()).
    template <class F>
    void for_each_hashed(F&& f) const {
        for_each_numbered(
            [&](std::uint32_t, std::uint64_t hash, std::string_view value, Xapian::doccount n) {
                f(hash, value, n);
            });
    }

    /// A value counted as a string has no number.
    static constexpr std::uint32_t kNoNumber = UINT32_MAX;

    /// Calls f(number, hash, value, count) for each value counted, as for_each_hashed(), with
    /// the value's number in the numbering numbering_id() names (kNoNumber for a value counted
    /// as a string): for callers that keep something per value number between searches.
    template <class F>
    void for_each_numbered(F&& f) const {
        loose_.for_each_hashed([&](std::uint64_t hash, std::string_view value, Xapian::doccount n) {
            f(kNoNumber, hash, value, n);
        });
        if (numbering_) {
            const auto lock = numbering_->reading();
            for (std::size_t i = 0; i < numbered_.numbers.size(); ++i) {
                const auto number = numbered_.numbers[i];
                f(number,
                  numbering_->hash(table_, number).low,
                  numbering_->value(table_, number),
                  numbered_.counts[i]);
            }
        }
    }

    /// @return the id of the numbering of the values counted by number, 0 when none is.
    [[nodiscard]] std::uint64_t numbering_id() const { return numbering_ ? numbering_->id() : 0; }

    /// @return how many distinct values were counted.
    [[nodiscard]] std::size_t size() const { return loose_.size() + numbered_.numbers.size(); }

    /// @return the matches with a value, when each has one at most (ValueTally::total()).
    [[nodiscard]] Xapian::doccount total() const { return loose_.total() + numbered_total_; }

  private:
    friend class SlotCounts;
    ValueTally loose_;
    /// Counts by number, when the table has no others (values appear once in all).
    std::shared_ptr<const FacetValueNumbers> numbering_;
    std::size_t table_ = 0;
    NumberedCounts::Table numbered_;
    Xapian::doccount numbered_total_ = 0;
};

class SlotCounts {
  public:
    enum class Counter {
        Own,    ///< our spy: local databases only
        Stock,  ///< Xapian's ValueCountMatchSpy: also remote shards
    };

    explicit SlotCounts(Counter counter);
    ~SlotCounts();
    SlotCounts(const SlotCounts&) = delete;
    SlotCounts& operator=(const SlotCounts&) = delete;

    /// What a table's values are.
    enum class Values {
        Single,  ///< one value each
        Lists,   ///< lists (split_facet_value()): the table may count some by part
    };

    /// Adds a count table over the values of `slots` (a value counts once per slot it is in).
    /// A table of lists holds whole lists, parts of lists (ValueTally::add_part()) or both:
    /// split_facet_value() of each value, counts summed, gives the same counts either way.
    /// @return the table's number, for table().
    std::size_t add(std::vector<Xapian::valueno> slots, Values values = Values::Single);

    /// Registers the counting with an Enquire over `database`; it counts during its next
    /// get_mset(), then finish() completes the counts. Call once, after every add(). With a
    /// `cache` (kept for `database` between searches), our spy counts the records it holds from
    /// it, and keeps the others.
    void attach(Xapian::Enquire& enquire,
                const Xapian::Database& database,
                FacetRecordCache* cache = nullptr);

    /// Completes the counts once the get_mset() of attach() has run.
    void finish();

    /// Forgets any counts and counts with stock spies from the next attach() on (for when
    /// Xapian refused our spy: a remote shard).
    void fall_back_to_stock();

    /// @return empty counts over the same tables, to count part of the matches (one shard, on
    /// another thread) and add them back with merge().
    [[nodiscard]] std::unique_ptr<SlotCounts> empty_copy() const;

    /// Adds the counts of `part` (from empty_copy(), its get_mset() run and finished) to these.
    /// Before finish(), counts of kept records numbered alike are added up as arrays.
    void merge(const SlotCounts& part);

    /// @return how many tables took counts kept by number as strings, for a table of lists, a
    /// table with counts of both kinds or parts numbered apart: for tests of the sums of arrays.
    [[nodiscard]] std::size_t tables_as_strings() const;

    /// The counts of table `number`, once the get_mset() has run.
    [[nodiscard]] const CountTable& table(std::size_t number) const;

  private:
    class OwnSpy;

    Counter counter_;
    std::vector<std::vector<Xapian::valueno>> slots_;  ///< per table
    std::vector<bool> lists_;                          ///< per table: Values::Lists
    std::unique_ptr<OwnSpy> own_;
    std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> stock_;  ///< per table
    mutable std::vector<ValueTally> loose_;  ///< per table: the counts as strings
    mutable NumberedCounts numbered_;        ///< the counts by number, once finished
    bool finished_ = false;
    mutable std::vector<CountTable> tables_;  ///< once gathered
    mutable bool gathered_ = false;
    mutable std::size_t as_strings_ = 0;
    /// Puts every count into tables_, at the first table().
    void gather() const;
};

}  // namespace gazette::search
