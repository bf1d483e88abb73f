#include "searcher/entity_facets.hpp"

#include "common/entity_names.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette::search {
namespace {

/// Names whose keys a thread keeps (a few MB).
constexpr std::size_t kMaxCachedKeys = 100000;

/// Looks names up without making a std::string of each.
struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
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
    // A name's key (folded, apostrophes dropped) is the same at every search: keep it. The
    // cache is per thread (gazette-serve searches on several) and starts again when large.
    thread_local std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>>
        keys;
    if (keys.size() > kMaxCachedKeys) {
        keys.clear();
    }
    const auto key_of = [](std::string_view name) -> const std::string& {
        auto at = keys.find(name);
        if (at == keys.end()) {
            at = keys.emplace(std::string(name), entities::entity_key(name)).first;
        }
        return at->second;
    };
    for (const auto& [type, table] : tables_) {
        // key -> total and its most frequent spelling (reports indexed at different times may
        // spell one key differently; a tie goes to the first name in byte order).
        struct Tally {
            Xapian::doccount total = 0;
            std::string_view name;
            Xapian::doccount name_count = 0;
        };
        std::unordered_map<std::string_view, Tally> tallies;
        counts_.table(table).for_each([&](std::string_view name, Xapian::doccount count) {
            Tally& tally = tallies[key_of(name)];
            tally.total += count;
            if (count > tally.name_count || (count == tally.name_count && name < tally.name)) {
                tally.name = name;
                tally.name_count = count;
            }
        });
        std::vector<FacetCount> counts;
        counts.reserve(tallies.size());
        for (const auto& [key, tally] : tallies) {
            counts.push_back({std::string(tally.name), tally.total});
        }
        const auto top = std::min(kMaxEntityFacetValues, counts.size());
        std::partial_sort(counts.begin(),
                          counts.begin() + static_cast<std::ptrdiff_t>(top),
                          counts.end(),
                          [](const FacetCount& a, const FacetCount& b) {
                              return a.count != b.count ? a.count > b.count : a.value < b.value;
                          });
        counts.resize(top);
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
