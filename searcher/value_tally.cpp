#include "searcher/value_tally.hpp"

#include <xxhash.h>

#include <cstring>

namespace gazette::search {

ValueTally::Hash ValueTally::hash_of(std::string_view value) {
    const XXH128_hash_t hash = XXH3_128bits(value.data(), value.size());
    return {hash.low64, static_cast<std::uint32_t>(hash.high64 >> 32)};
}

void ValueTally::add(std::string_view value, Xapian::doccount count) {
    if (count == 0) {
        return;
    }
    add(hash_of(value), value, count);
}

void ValueTally::reserve(std::size_t values) {
    std::size_t capacity = entries_.empty() ? 64 : entries_.size();
    while ((size_ + values) * 2 > capacity) {
        capacity *= 2;
    }
    if (capacity != entries_.size()) {
        rehash(capacity);
    }
}

void ValueTally::merge(const ValueTally& other) {
    // The other table's entries keep their values' hashes: no value is hashed again. Room for
    // all of them first, so that the table grows once, not once per doubling.
    reserve(other.size_);
    for (const auto& entry : other.entries_) {
        if (entry.count > 0) {
            add_hashed(entry.low, entry.high, other.value_at(entry.offset), entry.count);
        }
    }
    total_ += other.total_;
}

void ValueTally::add_hashed(std::uint64_t low,
                            std::uint32_t high,
                            std::string_view value,
                            Xapian::doccount count) {
    if ((size_ + 1) * 2 > entries_.size()) {
        grow();
    }
    const std::size_t mask = entries_.size() - 1;
    for (std::size_t at = low & mask;; at = (at + 1) & mask) {
        Entry& entry = entries_[at];
        if (entry.count == 0) {
            entry = {low, high, count, static_cast<std::uint32_t>(bytes_.size())};
            const auto length = static_cast<std::uint32_t>(value.size());
            bytes_.append(reinterpret_cast<const char*>(&length), sizeof length);
            bytes_.append(value);
            ++size_;
            break;
        }
        if (entry.low == low && entry.high == high) {
            entry.count += count;
            break;
        }
    }
}

void ValueTally::grow() {
    rehash(entries_.empty() ? 64 : entries_.size() * 2);
}

void ValueTally::rehash(std::size_t capacity) {
    std::vector<Entry> old = std::move(entries_);
    entries_.assign(capacity, Entry{});
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

std::string_view ValueTally::value_at(std::uint32_t offset) const {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes_.data() + offset, sizeof length);
    return {bytes_.data() + offset + sizeof length, length};
}

}  // namespace gazette::search
