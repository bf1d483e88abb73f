#include "searcher/entity_facets.hpp"

#include "common/entity_names.hpp"
#include "common/schema.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::search {
namespace {

/// Names whose key hashes a thread keeps: a table of 32 MB (at most half full), 48 while it grows.
constexpr std::size_t kMaxCachedNames = 1 << 20;

/// 64-bit hashes -> 64-bit hashes, open addressing in one array (a key of 0 is taken as 1):
/// std::unordered_map would chase a node per look-up, and facets look up every distinct name
/// of the matches.
class HashToHash {
  public:
    /// @return the value of `key`, or nullptr when it has none.
    [[nodiscard]] const std::uint64_t* find(std::uint64_t key) const {
        if (slots_.empty()) {
            return nullptr;
        }
        key = key == 0 ? 1 : key;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = key & mask;; at = (at + 1) & mask) {
            if (slots_[at].key == key) {
                return &slots_[at].value;
            }
            if (slots_[at].key == 0) {
                return nullptr;
            }
        }
    }

    /// Gives `key` (which has none yet) `value`.
    void insert(std::uint64_t key, std::uint64_t value) {
        if ((size_ + 1) * 2 > slots_.size()) {
            std::vector<Slot> old = std::move(slots_);
            slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
            size_ = 0;
            for (const auto& slot : old) {
                if (slot.key != 0) {
                    place(slot.key, slot.value);
                }
            }
        }
        place(key == 0 ? 1 : key, value);
    }

    [[nodiscard]] std::size_t size() const { return size_; }

    void clear() {
        slots_ = {};
        size_ = 0;
    }

  private:
    struct Slot {
        std::uint64_t key = 0;
        std::uint64_t value = 0;
    };
    void place(std::uint64_t key, std::uint64_t value) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = key & mask;
        while (slots_[at].key != 0) {
            at = (at + 1) & mask;
        }
        slots_[at] = {key, value};
        ++size_;
    }

    std::vector<Slot> slots_;  ///< a power of two long, at most half full
    std::size_t size_ = 0;
};

/// One entity's count in a search: its names' counts summed, shown with its most frequent name.
struct Tally {
    std::uint64_t key = 0;  ///< the key's hash; 0: an empty entry
    Xapian::doccount total = 0;
    std::string_view name;
    Xapian::doccount name_count = 0;
};

/// @return the 64-bit hash of the key of `name` (folded, apostrophes dropped), never 0.
std::uint64_t fold_to_key_hash(std::string_view name) {
    const std::string key = entities::entity_key(name);
    const std::uint64_t hash = XXH3_64bits(key.data(), key.size());
    return hash == 0 ? 1 : hash;  // 0 marks an empty tally
}

/// @return the 64-bit hash of the key of the name whose hash in the count tables is `name_hash`.
/// A name's key is the same at every search, and folding is slow, so each thread (gazette-serve
/// searches on several) keeps the key hashes of the names it has seen, and starts again when it
/// holds too many.
std::uint64_t key_hash(std::uint64_t name_hash, std::string_view name) {
    thread_local HashToHash key_of_name;
    if (const std::uint64_t* known = key_of_name.find(name_hash)) {
        return *known;
    }
    if (key_of_name.size() >= kMaxCachedNames) {
        key_of_name.clear();
    }
    const std::uint64_t hash = fold_to_key_hash(name);
    key_of_name.insert(name_hash, hash);
    return hash;
}

/// The key hashes of names counted by number (kept facet records), by number, per count table:
/// read in the order of the numbers, where key_hash() jumps about a table of every name for
/// each. Kept by each thread for one numbering at a time.
class NumberedKeys {
  public:
    /// @return the key hash of name `number` of table `table` in numbering `numbering`.
    std::uint64_t of(std::uint64_t numbering,
                     std::size_t table,
                     std::uint32_t number,
                     std::string_view name) {
        if (numbering != numbering_) {
            numbering_ = numbering;
            by_table_.clear();
        }
        if (table >= by_table_.size()) {
            by_table_.resize(table + 1);
        }
        auto& keys = by_table_[table];
        if (number >= keys.size()) {
            keys.resize(std::max<std::size_t>(number + 1, keys.size() * 2), 0);
        }
        if (keys[number] == 0) {
            keys[number] = fold_to_key_hash(name);
        }
        return keys[number];
    }

  private:
    std::uint64_t numbering_ = 0;
    std::vector<std::vector<std::uint64_t>> by_table_;
};

/// @return whether any document has a value in the slot; when the backend cannot say, true.
bool slot_used(const Xapian::Database& database, Xapian::valueno slot) {
    try {
        return database.get_value_freq(slot) > 0;
    } catch (const Xapian::UnimplementedError&) {
        return true;
    }
}

}  // namespace

EntityFacetCollector::EntityFacetCollector(const Xapian::Database& database, SlotCounts& counts)
    : counts_(counts) {
    for (const EntityType type : schema::kEntityTypes) {
        std::vector<Xapian::valueno> slots;
        for (std::size_t i = 0; i < schema::kEntityFacetDepth; ++i) {
            const auto slot = schema::entity_slot(type, i);
            if (!slot_used(database, slot)) {
                break;  // slots fill in order: no report has an (i+1)-th entity either
            }
            slots.push_back(slot);
        }
        tables_.emplace_back(type, counts.add(std::move(slots)));
    }
}

void EntityFacetCollector::fill(Facets& facets) const {
    for (const auto& [type, table_number] : tables_) {
        const std::size_t table = table_number;  // a lambda below uses it: clang 14 captures no
                                                 // structured binding
        // Reports indexed at different times may spell one key differently: the key's total is
        // theirs summed, shown with its most frequent spelling (a tie goes to the first name in
        // byte order). Tallies by key hash, open addressing, at most half full.
        const CountTable& names = counts_.table(table);
        std::size_t capacity = 16;
        while (capacity < names.size() * 2) {
            capacity *= 2;
        }
        std::vector<Tally> tallies(capacity);
        std::vector<const Tally*> entities;
        thread_local NumberedKeys numbered_keys;
        const std::uint64_t numbering = names.numbering_id();
        names.for_each_numbered([&](std::uint32_t number,
                                    std::uint64_t name_hash,
                                    std::string_view name,
                                    Xapian::doccount count) {
            const std::uint64_t key = number == CountTable::kNoNumber
                                          ? key_hash(name_hash, name)
                                          : numbered_keys.of(numbering, table, number, name);
            std::size_t at = key & (capacity - 1);
            while (tallies[at].key != 0 && tallies[at].key != key) {
                at = (at + 1) & (capacity - 1);
            }
            Tally& tally = tallies[at];
            if (tally.key == 0) {
                tally = Tally{key, 0, name, 0};
                entities.push_back(&tally);
            }
            tally.total += count;
            if (count > tally.name_count || (count == tally.name_count && name < tally.name)) {
                tally.name = name;
                tally.name_count = count;
            }
        });
        // The top few by count first, so that only they become strings.
        const auto top = std::min(kMaxEntityFacetValues, entities.size());
        std::partial_sort(entities.begin(),
                          entities.begin() + static_cast<std::ptrdiff_t>(top),
                          entities.end(),
                          [](const Tally* a, const Tally* b) {
                              return a->total != b->total ? a->total > b->total : a->name < b->name;
                          });
        std::vector<FacetCount> counts;
        counts.reserve(top);
        for (std::size_t i = 0; i < top; ++i) {
            counts.push_back({std::string(entities[i]->name), entities[i]->total});
        }
        switch (type) {
            case EntityType::Person:
                facets.person = std::move(counts);
                break;
            case EntityType::Organisation:
                facets.org = std::move(counts);
                break;
            case EntityType::Place:
                facets.place = std::move(counts);
                break;
        }
    }
}

}  // namespace gazette::search
