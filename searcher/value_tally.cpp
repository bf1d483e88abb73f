#include "searcher/value_tally.hpp"

#include <xxhash.h>

namespace gazette::search {

void ValueTally::add(std::string_view value, Xapian::doccount count) {
    if (count == 0) {
        return;
    }
    if ((size_ + 1) * 2 > entries_.size()) {
        grow();
    }
    const XXH128_hash_t hash = XXH3_128bits(value.data(), value.size());
    const std::size_t mask = entries_.size() - 1;
    for (std::size_t at = hash.low64 & mask;; at = (at + 1) & mask) {
        Entry& entry = entries_[at];
        if (entry.count == 0) {
            entry = {hash.low64,
                     hash.high64,
                     count,
                     static_cast<std::uint32_t>(bytes_.size()),
                     static_cast<std::uint32_t>(value.size())};
            bytes_.append(value);
            ++size_;
            break;
        }
        if (entry.low == hash.low64 && entry.high == hash.high64) {
            entry.count += count;
            break;
        }
    }
    total_ += count;
}

void ValueTally::merge(const ValueTally& other) {
    other.for_each([this](std::string_view value, Xapian::doccount count) { add(value, count); });
}

void ValueTally::grow() {
    std::vector<Entry> old = std::move(entries_);
    entries_.assign(old.empty() ? 64 : old.size() * 2, Entry{});
    const std::size_t mask = entries_.size() - 1;
    for (const auto& entry : old) {
        if (entry.count == 0) {
            continue;
        }
        std::size_t at = entry.low & mask;
        while (entries_[at].count != 0) {
            at = (at + 1) & mask;
        }
        entries_[at] = entry;
    }
}

}  // namespace gazette::search
