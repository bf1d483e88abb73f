#include "searcher/facet_value_numbers.hpp"

#include "common/mentioned_dates.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace gazette::search {
namespace {

/// Heap cost of a distinct value beyond its bytes and its index slot: its places in the vectors
/// here and in each part's count arrays.
constexpr std::size_t kValueOverhead = 40;
/// Values are stored in blocks of this size (a longer value gets a block of its own).
constexpr std::size_t kBlockBytes = 64 * 1024;

}  // namespace

FacetValueNumbers::FacetValueNumbers()
    : id_([] {
          static std::atomic<std::uint64_t> next{1};
          return next.fetch_add(1, std::memory_order_relaxed);
      }()) {}

bool FacetValueNumbers::adopt(const std::vector<bool>& lists) {
    const auto lock = writing();
    if (adopted_) {
        return lists == lists_;
    }
    adopted_ = true;
    lists_ = lists;
    tables_.resize(lists.size());
    for (std::size_t t = 0; t < lists.size(); ++t) {
        if (lists[t]) {
            tables_[t].parts = std::make_unique<Table>();
            tables_[t].parts_begin = {0};
        }
    }
    return true;
}

std::optional<std::uint32_t> FacetValueNumbers::number_of(std::size_t table,
                                                          std::string_view value,
                                                          const ValueTally::Hash& hash,
                                                          std::size_t& bytes) {
    const std::size_t before = bytes;
    const auto number = tables_.at(table).number_of(value, hash, bytes);
    bytes_ += bytes - before;
    return number;
}

std::optional<std::uint32_t> FacetValueNumbers::Table::number_of(std::string_view value,
                                                                 const ValueTally::Hash& hash,
                                                                 std::size_t& bytes) {
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
    if (values.size() >= kMaxNumbers) {
        return std::nullopt;
    }
    std::vector<std::uint32_t> numbers;  // of its parts, for a list
    if (parts) {
        for (const auto part : split_facet_value(value)) {
            const auto number = parts->number_of(part, ValueTally::hash_of(part), bytes);
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
    const auto number = static_cast<std::uint32_t>(values.size());
    index[at] = {hash.low, hash.high, number + 1};
    values.emplace_back(stored, value.size());
    hashes.push_back(hash);
    bytes += kValueOverhead;
    return number;
}

void FacetValueNumbers::add_to(std::size_t table,
                               const NumberedCounts::Table& counts,
                               ValueTally& into) const {
    const auto lock = reading();
    const Table& t = tables_.at(table);
    if (!t.parts) {
        into.reserve(counts.numbers.size());
        for (std::size_t i = 0; i < counts.numbers.size(); ++i) {
            into.add(t.hashes[counts.numbers[i]], t.values[counts.numbers[i]], counts.counts[i]);
        }
        return;
    }
    // Each list's count goes to its parts: a few hundred months, however many lists.
    std::vector<Xapian::doccount> by_part(t.parts->values.size(), 0);
    Xapian::doccount lists = 0;
    for (std::size_t i = 0; i < counts.numbers.size(); ++i) {
        const auto number = counts.numbers[i];
        lists += counts.counts[i];
        for (auto p = t.parts_begin[number]; p < t.parts_begin[number + 1]; ++p) {
            by_part[t.part_numbers[p]] += counts.counts[i];
        }
    }
    into.add_lists(lists);
    for (std::uint32_t part = 0; part < by_part.size(); ++part) {
        into.add_part(t.parts->hashes[part], t.parts->values[part], by_part[part]);
    }
}

std::size_t FacetValueNumbers::bytes() const {
    const auto lock = reading();
    return bytes_;
}

}  // namespace gazette::search
