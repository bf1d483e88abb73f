/// @file
/// Exact counts of the values in some value slots over every match of a search: the facets'
/// counting pass. Locally, one match spy of our own reads each slot once per match into flat hash
/// tables (value_tally.hpp), several times faster than Xapian's stock ValueCountMatchSpy (a sorted
/// std::map per slot, 38 of them). A stock xapian-tcpsrv cannot run our spy, so over remote shards
/// the same counts come from one stock ValueCountMatchSpy per slot, which Xapian merges across
/// shards.
#pragma once

#include "searcher/facet_record_cache.hpp"
#include "searcher/value_tally.hpp"

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace gazette::search {

/// Value -> the matches that have it.
using CountTable = ValueTally;

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

    /// Adds the counts of `part` (from empty_copy(), its get_mset() run) to these.
    void merge(const SlotCounts& part);

    /// The counts of table `number`, once the get_mset() has run.
    [[nodiscard]] const CountTable& table(std::size_t number) const;

  private:
    class OwnSpy;

    Counter counter_;
    std::vector<std::vector<Xapian::valueno>> slots_;  ///< per table
    std::vector<bool> lists_;                          ///< per table: Values::Lists
    std::unique_ptr<OwnSpy> own_;
    std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> stock_;  ///< per table
    mutable std::vector<CountTable> tables_;
    mutable bool gathered_ = false;
};

}  // namespace gazette::search
