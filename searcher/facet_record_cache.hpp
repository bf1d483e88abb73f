/// @file
/// The facet records a searcher has counted, kept between searches as numbers. Counting a match
/// from its record reads the record, then hashes each of its twenty-odd values into a count table
/// of up to hundreds of thousands of values (story keys, names): a cache miss per value, most of
/// a facet search at 100k reports. Here each distinct value gets a number per count table the
/// first time a match has it (facet_value_numbers.hpp: one numbering for all the parts of a
/// database), each counted report keeps its numbers, and a report counted again costs an
/// increment per value into an array. Lucene's ordinals and Elasticsearch's fielddata do the
/// same, the one at indexing, the other on first use as here. One cache serves one counting part
/// (one thread); the searcher forgets it when that part moves to a new revision, since a report
/// re-indexed keeps its document id.
#pragma once

#include "common/schema.hpp"
#include "searcher/facet_value_numbers.hpp"
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

    /// `numbering`: the numbers of values shared with the other parts of the database; by
    /// default, one of its own.
    explicit FacetRecordCache(std::size_t budget = kDefaultBudget,
                              std::shared_ptr<FacetValueNumbers> numbering = nullptr);

    /// Sets what the cache may keep from now on (what it keeps already stays).
    void set_budget(std::size_t budget) { budget_ = budget; }

    /// Forgets everything, and numbers values with `numbering` from now on.
    void use_numbering(std::shared_ptr<FacetValueNumbers> numbering);
    [[nodiscard]] const std::shared_ptr<FacetValueNumbers>& numbering() const { return numbering_; }

    /// Starts a count of matches whose record fields are counted in `tables` (record field ->
    /// count tables counting it, as SlotCounts lays them out). `lists` names the tables whose
    /// values are lists (split_facet_value()). Forgets everything when the layout is not the
    /// one the cache was filled with (and numbers on its own when its numbering has another).
    void begin(const std::vector<std::vector<std::size_t>>& by_field,
               std::size_t tables,
               const std::vector<bool>& lists = {});

    /// Counts match `did` if the cache holds its record. @return false when it does not.
    bool count_held(Xapian::docid did);

    /// Counts match `did` from its record (not empty) and keeps it.
    /// @return false, having counted nothing, when the budget has no room for it.
    bool count_new(Xapian::docid did, std::string_view record);

    /// Adds the counts of another part, numbered by the same numbering, to this count (before
    /// finish()): a sum of arrays. @return false, having added nothing, when `part` was
    /// numbered by another numbering.
    bool add(const NumberedCounts& part);

    /// Hands the counts of this count over to `out` (its values each once, with their counts)
    /// and clears them for the next count.
    void finish(NumberedCounts& out);

    /// Drops every record kept (the part moved to a new revision); the numbers stay.
    void forget();

    [[nodiscard]] std::size_t reports() const { return reports_; }
    [[nodiscard]] std::size_t bytes() const { return bytes_; }

  private:
    /// This count's counts of one table's values, by number.
    struct Counts {
        std::vector<Xapian::doccount> by_number;
        std::vector<std::uint32_t> touched;  ///< numbers whose count is not 0
    };

    /// A kept report's entry: its table in the top bits, the value's number below.
    static constexpr unsigned kNumberBits = 26;
    static constexpr std::uint32_t kNumberMask = (std::uint32_t{1} << kNumberBits) - 1;
    static_assert(kNumberMask == FacetValueNumbers::kMaxNumbers);

    void count_value(std::size_t table, std::uint32_t number, Xapian::doccount count = 1) {
        Counts& c = counts_[table];
        if (c.by_number[number] == 0) {
            c.touched.push_back(number);
        }
        c.by_number[number] += count;
    }
    /// Makes room for number `number` in table `table`'s counts.
    void make_room(std::size_t table, std::uint32_t number);

    std::size_t budget_;
    std::shared_ptr<FacetValueNumbers> numbering_;
    std::vector<std::vector<std::size_t>> layout_;  ///< the by_field the cache was filled with
    std::vector<bool> lists_;                       ///< the lists it was filled with
    std::vector<Counts> counts_;                    ///< per table
    /// By document id: 0 when the report is not kept, else 1 + where its entries start in
    /// entries_ (their count first, then the entries).
    std::vector<std::uint32_t> where_;
    std::vector<std::uint32_t> entries_;
    std::vector<std::uint32_t> scratch_;  ///< a new report's entries, while they are made
    struct RecordValue {
        std::size_t table;
        std::string_view value;
        ValueTally::Hash hash;
    };
    std::vector<RecordValue> values_;  ///< a new report's values, while they are numbered
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
