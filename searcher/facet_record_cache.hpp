/// @file
/// The facet records a searcher has counted, kept between searches as numbers. Counting a match
/// from its record reads the record, then hashes each of its twenty-odd values into a count table
/// of up to hundreds of thousands of values (story keys, names): a cache miss per value, most of
/// a facet search at 100k reports. Here each distinct value gets a number per count table the
/// first time a match has it, each counted report keeps its numbers, and a report counted again
/// costs an increment per value into an array; only the distinct values of a search reach the
/// count tables, once each, at the end. Lucene's ordinals and Elasticsearch's fielddata do the
/// same, the one at indexing, the other on first use as here. One cache serves one counting part
/// (one thread); the searcher forgets it when that part moves to a new revision, since a report
/// re-indexed keeps its document id.
#pragma once

#include "common/schema.hpp"
#include "searcher/value_tally.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace gazette::search {

/// Calls f(field, value) for each non-empty value of a facet record (schema::facet_record), with
/// its field's number (the slot's place in schema::facet_record_slots()).
template <class F>
void for_each_record_value(std::string_view record, F&& f);

class FacetRecordCache {
  public:
    /// What one part may keep: 4 bytes per value of a report, about 80 per distinct value (the
    /// 100k reports of the bench, in two parts, took about 28 MB a part; the 1M ones 141 MB a
    /// part, 282 bytes a report). Past it, reports not yet kept are counted from their records.
    static constexpr std::size_t kDefaultBudget = std::size_t{64} << 20;
    /// A bigger part may keep this much per report, so that all of it fits (budget_for()).
    static constexpr std::size_t kBudgetPerReport = 320;
    /// ... up to this much (3.3 million reports in one part).
    static constexpr std::size_t kMaxBudget = std::size_t{1} << 30;

    /// @return the budget of a part of `reports` reports: kDefaultBudget, or room for all of
    /// them, up to kMaxBudget.
    [[nodiscard]] static std::size_t budget_for(Xapian::doccount reports) {
        return std::clamp(std::size_t{reports} * kBudgetPerReport, kDefaultBudget, kMaxBudget);
    }

    explicit FacetRecordCache(std::size_t budget = kDefaultBudget) : budget_(budget) {}

    /// Sets what the cache may keep from now on (what it keeps already stays).
    void set_budget(std::size_t budget) { budget_ = budget; }

    /// Starts a count of matches whose record fields are counted in `tables` (record field ->
    /// count tables counting it, as SlotCounts lays them out). `lists` names the tables whose
    /// values are lists (split_facet_value()): finish() gives their counts by part, as
    /// ValueTally::add_part() and add_lists() take them. Forgets everything when the layout is
    /// not the one the cache was filled with.
    void begin(const std::vector<std::vector<std::size_t>>& by_field,
               std::size_t tables,
               const std::vector<bool>& lists = {});

    /// Counts match `did` if the cache holds its record. @return false when it does not.
    bool count_held(Xapian::docid did);

    /// Counts match `did` from its record (not empty) and keeps it.
    /// @return false, having counted nothing, when the budget has no room for it.
    bool count_new(Xapian::docid did, std::string_view record);

    /// Adds the counts of this count to `tables` (one per count table), each distinct value
    /// once, and clears them for the next count.
    void finish(std::vector<ValueTally>& tables);

    /// Drops every record and value (the part moved to a new revision).
    void forget();

    [[nodiscard]] std::size_t reports() const { return reports_; }
    [[nodiscard]] std::size_t bytes() const { return bytes_; }

  private:
    /// Numbered values of one count table, and this count's counts of them.
    struct Table {
        /// The values, end to end in blocks that never move (the views below point into them).
        std::vector<std::unique_ptr<char[]>> blocks;
        std::size_t block_used = 0;
        /// Open-addressed, keyed by the value's hash as ValueTally is: a number costs what a
        /// count did, so the first search that meets a report pays little more than before.
        struct Slot {
            std::uint64_t low = 0;
            std::uint32_t high = 0;
            std::uint32_t number = 0;  ///< 1 + the value's number; 0: an empty slot
        };
        std::vector<Slot> index;               ///< a power of two long, at most half full
        std::vector<std::string_view> values;  ///< by number
        std::vector<ValueTally::Hash> hashes;  ///< by number: hashed once, not per search
        std::vector<Xapian::doccount> counts;  ///< by number, for this count
        std::vector<std::uint32_t> touched;    ///< numbers whose count is not 0

        /// A table of lists numbers their parts too, in `parts`: a search's distinct lists
        /// (nearly one per match: few reports mention the same months) become the counts of
        /// a few hundred months in finish(), not as many strings to hash, merge and split.
        std::unique_ptr<Table> parts;
        std::vector<std::uint32_t> part_numbers;  ///< the parts of every list, list after list
        std::vector<std::uint32_t> parts_begin;   ///< 0, then by number where the next list's
                                                  ///< parts start in part_numbers

        /// @return the number of `value`, numbered now if new; nullopt when numbers ran out.
        std::optional<std::uint32_t> number_of(std::string_view value, std::size_t& bytes);
        /// Adds this count's counts of a table of lists to `into` by part, and clears them.
        void finish_lists(ValueTally& into);
    };

    /// A kept report's entry: its table in the top bits, the value's number below.
    static constexpr unsigned kNumberBits = 26;
    static constexpr std::uint32_t kNumberMask = (std::uint32_t{1} << kNumberBits) - 1;

    void add(std::size_t table, std::uint32_t number) {
        Table& t = tables_[table];
        if (t.counts[number]++ == 0) {
            t.touched.push_back(number);
        }
    }

    std::size_t budget_;
    std::vector<std::vector<std::size_t>> layout_;  ///< the by_field the cache was filled with
    std::vector<bool> lists_;                       ///< the lists it was filled with
    std::vector<Table> tables_;
    /// By document id: 0 when the report is not kept, else 1 + where its entries start in
    /// entries_ (their count first, then the entries).
    std::vector<std::uint32_t> where_;
    std::vector<std::uint32_t> entries_;
    std::vector<std::uint32_t> scratch_;  ///< a new report's entries, while they are made
    std::size_t reports_ = 0;
    std::size_t bytes_ = 0;
};

template <class F>
void for_each_record_value(std::string_view record, F&& f) {
    std::size_t field = 0;
    for (;;) {
        const auto end = record.find(schema::kFacetRecordSeparator);
        const std::string_view value = record.substr(0, end);
        if (!value.empty()) {
            f(field, value);
        }
        if (end == std::string_view::npos) {
            return;
        }
        record.remove_prefix(end + 1);
        ++field;
    }
}

}  // namespace gazette::search
