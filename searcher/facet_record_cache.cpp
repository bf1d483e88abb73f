#include "searcher/facet_record_cache.hpp"

#include <algorithm>
#include <utility>

namespace gazette::search {

FacetRecordCache::FacetRecordCache(std::size_t budget, std::shared_ptr<FacetValueNumbers> numbering)
    : budget_(budget),
      numbering_(numbering ? std::move(numbering) : std::make_shared<FacetValueNumbers>()) {}

void FacetRecordCache::use_numbering(std::shared_ptr<FacetValueNumbers> numbering) {
    forget();
    numbering_ = std::move(numbering);
}

void FacetRecordCache::begin(const std::vector<std::vector<std::size_t>>& by_field,
                             std::size_t tables,
                             const std::vector<bool>& lists) {
    std::vector<bool> padded = lists;  // a table not named is not one of lists
    padded.resize(tables, false);
    if (by_field != layout_ || tables != counts_.size() || padded != lists_) {
        forget();
        layout_ = by_field;
        lists_ = std::move(padded);
        counts_.resize(tables);
        if (!numbering_->adopt(lists_)) {
            // Tables laid out anew (not in gazette, whose layout is fixed): numbered apart.
            numbering_ = std::make_shared<FacetValueNumbers>();
            numbering_->adopt(lists_);
        }
    }
    // A count cut short (the revision went away under it) leaves counts behind: clear them.
    for (auto& table : counts_) {
        for (const auto number : table.touched) {
            table.by_number[number] = 0;
        }
        table.touched.clear();
    }
}

bool FacetRecordCache::count_held(Xapian::docid did) {
    if (did >= where_.size() || where_[did] == 0) {
        return false;
    }
    const std::uint32_t start = where_[did] - 1;
    const std::uint32_t n = entries_[start];
    for (std::uint32_t i = start + 1; i <= start + n; ++i) {
        count_value(entries_[i] >> kNumberBits, entries_[i] & kNumberMask);
    }
    return true;
}

void FacetRecordCache::make_room(std::size_t table, std::uint32_t number) {
    auto& by_number = counts_[table].by_number;
    if (number >= by_number.size()) {
        const std::size_t before = by_number.size();
        by_number.resize(std::max<std::size_t>(number + 1, by_number.size() * 2), 0);
        bytes_ += (by_number.size() - before) * sizeof(Xapian::doccount);
    }
}

bool FacetRecordCache::count_new(Xapian::docid did, std::string_view record) {
    if (bytes_ >= budget_ || counts_.size() > (std::size_t{1} << (32 - kNumberBits))) {
        return false;
    }
    if ((std::size_t{did} + 1) * sizeof(std::uint32_t) > budget_) {
        return false;  // ids this far apart would fill the budget with empty places
    }
    // The values and their hashes first, so that the numbering is locked for the look-ups
    // alone: the parts counting ahead number a record each at once.
    values_.clear();
    for_each_record_value(record, [&](std::size_t field, std::string_view value) {
        if (field < layout_.size()) {
            for (const auto table : layout_[field]) {
                values_.push_back({table, value, ValueTally::hash_of(value)});
            }
        }
    });
    scratch_.clear();
    bool room = true;
    {
        const auto lock = numbering_->writing();
        for (const auto& [table, value, hash] : values_) {
            const auto number = numbering_->number_of(table, value, hash, bytes_);
            if (!number) {
                room = false;
                break;
            }
            scratch_.push_back(static_cast<std::uint32_t>(table << kNumberBits) | *number);
        }
    }
    if (!room) {
        return false;
    }
    for (const auto entry : scratch_) {
        make_room(entry >> kNumberBits, entry & kNumberMask);
        count_value(entry >> kNumberBits, entry & kNumberMask);
    }
    if (did >= where_.size()) {
        const std::size_t before = where_.size();
        where_.resize(std::max<std::size_t>(did + 1, where_.size() * 2), 0);
        bytes_ += (where_.size() - before) * sizeof(std::uint32_t);
    }
    where_[did] = static_cast<std::uint32_t>(entries_.size()) + 1;
    entries_.push_back(static_cast<std::uint32_t>(scratch_.size()));
    entries_.insert(entries_.end(), scratch_.begin(), scratch_.end());
    bytes_ += (scratch_.size() + 1) * sizeof(std::uint32_t);
    ++reports_;
    return true;
}

bool FacetRecordCache::add(const NumberedCounts& part) {
    if (part.numbering != numbering_ || part.tables.size() != counts_.size()) {
        return false;
    }
    for (std::size_t t = 0; t < counts_.size(); ++t) {
        const auto& other = part.tables[t];
        for (std::size_t i = 0; i < other.numbers.size(); ++i) {
            make_room(t, other.numbers[i]);
            count_value(t, other.numbers[i], other.counts[i]);
        }
    }
    return true;
}

void FacetRecordCache::finish(NumberedCounts& out) {
    out.numbering = numbering_;
    out.tables.assign(counts_.size(), {});
    for (std::size_t t = 0; t < counts_.size(); ++t) {
        Counts& table = counts_[t];
        auto& into = out.tables[t];
        into.numbers.reserve(table.touched.size());
        into.counts.reserve(table.touched.size());
        const auto take = [&](std::uint32_t number) {
            into.numbers.push_back(number);
            into.counts.push_back(table.by_number[number]);
            table.by_number[number] = 0;
        };
        if (table.touched.size() * 8 > table.by_number.size()) {
            // Most values were counted (a broad query): read the counts in order instead of
            // jumping about the array in the order the values were first met.
            for (std::uint32_t number = 0; number < table.by_number.size(); ++number) {
                if (table.by_number[number] != 0) {
                    take(number);
                }
            }
        } else {
            for (const auto number : table.touched) {
                take(number);
            }
        }
        table.touched.clear();
    }
}

void FacetRecordCache::forget() {
    layout_.clear();
    lists_.clear();
    counts_.clear();
    where_.clear();
    entries_.clear();
    reports_ = 0;
    bytes_ = 0;
}

}  // namespace gazette::search
