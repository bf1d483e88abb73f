#include "searcher/entity_facets.hpp"

#include "common/entity_names.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette::search {
namespace {

/// Names whose keys a thread keeps (a few MB).
constexpr std::size_t kMaxCachedKeys = 100000;

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
    // A name's key (folded, apostrophes dropped) is the same at every search, so each thread
    // (gazette-serve searches on several) numbers the keys it has seen and remembers the number
    // of each name, found by the 64-bit hash the count table already has. It starts again when
    // large. Per search, a key's tally is fresh when its stamp is this search's.
    struct Tally {
        std::uint64_t stamp = 0;
        Xapian::doccount total = 0;
        std::string_view name;  ///< its most frequent spelling in this search
        Xapian::doccount name_count = 0;
    };
    thread_local std::unordered_map<std::uint64_t, std::uint32_t> key_of_name;
    thread_local std::unordered_map<std::string, std::uint32_t> key_numbers;
    thread_local std::vector<Tally> tallies;
    thread_local std::uint64_t stamp = 0;
    if (key_of_name.size() > kMaxCachedKeys) {
        key_of_name.clear();
        key_numbers.clear();
        tallies.clear();
    }
    for (const auto& [type, table] : tables_) {
        // Reports indexed at different times may spell one key differently: the key's total is
        // theirs summed, shown with its most frequent spelling (a tie goes to the first name in
        // byte order).
        ++stamp;
        std::vector<std::uint32_t> seen;
        counts_.table(table).for_each_hashed(
            [&](std::uint64_t hash, std::string_view name, Xapian::doccount count) {
                auto named = key_of_name.find(hash);
                if (named == key_of_name.end()) {
                    const auto number = static_cast<std::uint32_t>(key_numbers.size());
                    const auto keyed = key_numbers.emplace(entities::entity_key(name), number);
                    if (keyed.second) {
                        tallies.emplace_back();
                    }
                    named = key_of_name.emplace(hash, keyed.first->second).first;
                }
                Tally& tally = tallies[named->second];
                if (tally.stamp != stamp) {
                    tally = Tally{stamp, 0, name, 0};
                    seen.push_back(named->second);
                }
                tally.total += count;
                if (count > tally.name_count || (count == tally.name_count && name < tally.name)) {
                    tally.name = name;
                    tally.name_count = count;
                }
            });
        // The top few by count first, so that only they become strings.
        const auto top = std::min(kMaxEntityFacetValues, seen.size());
        const auto by_count = [](const Tally& a, const Tally& b) {
            return a.total != b.total ? a.total > b.total : a.name < b.name;
        };
        std::partial_sort(
            seen.begin(),
            seen.begin() + static_cast<std::ptrdiff_t>(top),
            seen.end(),
            [&](std::uint32_t a, std::uint32_t b) { return by_count(tallies[a], tallies[b]); });
        std::vector<FacetCount> counts;
        counts.reserve(top);
        for (std::size_t i = 0; i < top; ++i) {
            counts.push_back({std::string(tallies[seen[i]].name), tallies[seen[i]].total});
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
