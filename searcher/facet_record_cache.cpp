#include "searcher/facet_record_cache.hpp"

#include "common/mentioned_dates.hpp"

#include <algorithm>

namespace gazette::search {
namespace {

/// Heap cost of a distinct value beyond its bytes and its index slot: its places in the vectors.
constexpr std::size_t kValueOverhead = 40;
/// Values are stored in blocks of this size (a longer value gets a block of its own).
constexpr std::size_t kBlockBytes = 64 * 1024;

}  // namespace

std::optional<std::uint32_t> FacetRecordCache::Table::number_of(std::string_view value,
                                                                std::size_t& bytes) {
    const ValueTally::Hash hash = ValueTally::hash_of(value);
    if ((values.size() + 1) * 2 > index.size()) {
        std::vector<Slot> old = std::move(index);
        index.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        for (const Slot& slot : old) {
            if (slot.number != 0) {
                std::size_t at = slot.low & (index.size() - 1);
                while (index[at].number != 0) {
                    at = (at + 1) & (index.size() - 1);
                }
                index[at] = slot;
            }
        }
        bytes += (index.size() - old.size()) * sizeof(Slot);
    }
    const std::size_t mask = index.size() - 1;
    std::size_t at = hash.low & mask;
    for (; index[at].number != 0; at = (at + 1) & mask) {
        if (index[at].low == hash.low && index[at].high == hash.high) {
            return index[at].number - 1;
        }
    }
    if (values.size() >= kNumberMask) {
        return std::nullopt;
    }
    std::vector<std::uint32_t> numbers;  // of its parts, for a list
    if (parts) {
        for (const auto part : split_facet_value(value)) {
            const auto number = parts->number_of(part, bytes);
            if (!number) {
                return std::nullopt;
            }
            numbers.push_back(*number);
        }
        part_numbers.insert(part_numbers.end(), numbers.begin(), numbers.end());
        parts_begin.push_back(static_cast<std::uint32_t>(part_numbers.size()));
        bytes += (numbers.size() + 1) * sizeof(std::uint32_t);
    }
    if (blocks.empty() || block_used + value.size() > kBlockBytes) {
        blocks.push_back(std::make_unique<char[]>(std::max(kBlockBytes, value.size())));
        block_used = 0;
        bytes += std::max(kBlockBytes, value.size());
    }
    char* stored = blocks.back().get() + block_used;
    std::copy(value.begin(), value.end(), stored);
    block_used += value.size();
    const std::string_view kept(stored, value.size());
    const auto number = static_cast<std::uint32_t>(values.size());
    index[at] = {hash.low, hash.high, number + 1};
    values.push_back(kept);
    hashes.push_back(hash);
    counts.push_back(0);
    bytes += kValueOverhead;
    return number;
}

void FacetRecordCache::Table::finish_lists(ValueTally& into) {
    Xapian::doccount lists = 0;
    for (const auto number : touched) {
        const Xapian::doccount count = counts[number];
        counts[number] = 0;
        lists += count;
        for (auto i = parts_begin[number]; i < parts_begin[number + 1]; ++i) {
            const auto part = part_numbers[i];
            if (parts->counts[part] == 0) {
                parts->touched.push_back(part);
            }
            parts->counts[part] += count;
        }
    }
    touched.clear();
    into.add_lists(lists);
    into.reserve(parts->touched.size());
    for (const auto part : parts->touched) {
        into.add_part(parts->hashes[part], parts->values[part], parts->counts[part]);
        parts->counts[part] = 0;
    }
    parts->touched.clear();
}

void FacetRecordCache::begin(const std::vector<std::vector<std::size_t>>& by_field,
                             std::size_t tables,
                             const std::vector<bool>& lists) {
    if (by_field != layout_ || tables != tables_.size() || lists != lists_) {
        forget();
        layout_ = by_field;
        lists_ = lists;
        tables_.resize(tables);
        for (std::size_t t = 0; t < tables && t < lists.size(); ++t) {
            if (lists[t]) {
                tables_[t].parts = std::make_unique<Table>();
                tables_[t].parts_begin = {0};
            }
        }
    }
    // A count cut short (the revision went away under it) leaves counts behind: clear them.
    for (auto& table : tables_) {
        for (const auto number : table.touched) {
            table.counts[number] = 0;
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
        add(entries_[i] >> kNumberBits, entries_[i] & kNumberMask);
    }
    return true;
}

bool FacetRecordCache::count_new(Xapian::docid did, std::string_view record) {
    if (bytes_ >= budget_ || tables_.size() > (std::size_t{1} << (32 - kNumberBits))) {
        return false;
    }
    if ((std::size_t{did} + 1) * sizeof(std::uint32_t) > budget_) {
        return false;  // ids this far apart would fill the budget with empty places
    }
    scratch_.clear();
    bool room = true;
    for_each_record_value(record, [&](std::size_t field, std::string_view value) {
        if (field >= layout_.size()) {
            return;
        }
        for (const auto table : layout_[field]) {
            const auto number = tables_[table].number_of(value, bytes_);
            if (!number) {
                room = false;
                return;
            }
            scratch_.push_back(static_cast<std::uint32_t>(table << kNumberBits) | *number);
        }
    });
    if (!room) {
        return false;
    }
    for (const auto entry : scratch_) {
        add(entry >> kNumberBits, entry & kNumberMask);
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

void FacetRecordCache::finish(std::vector<ValueTally>& tables) {
    for (std::size_t t = 0; t < tables_.size() && t < tables.size(); ++t) {
        Table& table = tables_[t];
        ValueTally& into = tables[t];
        if (table.parts) {
            table.finish_lists(into);
            continue;
        }
        into.reserve(table.touched.size());
        const auto add = [&](std::uint32_t number) {
            into.add(table.hashes[number], table.values[number], table.counts[number]);
            table.counts[number] = 0;
        };
        if (table.touched.size() * 8 > table.counts.size()) {
            // Most values were counted (a broad query): read the counts in order instead of
            // jumping about the arrays in the order the values were first met.
            for (std::uint32_t number = 0; number < table.counts.size(); ++number) {
                if (table.counts[number] != 0) {
                    add(number);
                }
            }
        } else {
            for (const auto number : table.touched) {
                add(number);
            }
        }
        table.touched.clear();
    }
}

void FacetRecordCache::forget() {
    layout_.clear();
    lists_.clear();
    tables_.clear();
    where_.clear();
    entries_.clear();
    reports_ = 0;
    bytes_ = 0;
}

}  // namespace gazette::search
