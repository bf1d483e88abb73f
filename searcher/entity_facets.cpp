#include "searcher/entity_facets.hpp"

#include "common/entity_names.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace gazette::search {
namespace {

/// @return whether any document has a value in the slot; when the backend cannot say, true.
bool slot_used(const Xapian::Database& database, Xapian::valueno slot) {
    try {
        return database.get_value_freq(slot) > 0;
    } catch (const Xapian::UnimplementedError&) {
        return true;
    }
}

}  // namespace

EntityFacetCollector::EntityFacetCollector(const Xapian::Database& database) {
    for (const EntityType type : schema::kEntityTypes) {
        for (std::size_t i = 0; i < schema::kEntityFacetDepth; ++i) {
            const auto slot = schema::entity_slot(type, i);
            if (!slot_used(database, slot)) {
                break;  // slots fill in order: no report has an (i+1)-th entity either
            }
            spies_.push_back({type, std::make_unique<Xapian::ValueCountMatchSpy>(slot)});
        }
    }
}

void EntityFacetCollector::attach(Xapian::Enquire& enquire) {
    for (auto& spy : spies_) {
        enquire.add_matchspy(spy.counts.get());
    }
}

void EntityFacetCollector::fill(Facets& facets) const {
    for (const EntityType type : schema::kEntityTypes) {
        // key -> total and the count of each display name (reports indexed at different times
        // may spell one key differently: the most frequent spelling names it).
        struct Tally {
            Xapian::doccount total = 0;
            std::map<std::string, Xapian::doccount> names;
        };
        std::map<std::string, Tally> tallies;
        for (const auto& spy : spies_) {
            if (spy.type != type) {
                continue;
            }
            for (auto it = spy.counts->values_begin(); it != spy.counts->values_end(); ++it) {
                Tally& tally = tallies[entities::entity_key(*it)];
                tally.total += it.get_termfreq();
                tally.names[*it] += it.get_termfreq();
            }
        }
        std::vector<FacetCount> counts;
        counts.reserve(tallies.size());
        for (const auto& [key, tally] : tallies) {
            const auto name = std::max_element(
                tally.names.begin(), tally.names.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                });
            counts.push_back({name->first, tally.total});
        }
        std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        if (counts.size() > kMaxEntityFacetValues) {
            counts.resize(kMaxEntityFacetValues);
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
