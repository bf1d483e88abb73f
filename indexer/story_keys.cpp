#include "indexer/story_keys.hpp"

#include "common/schema.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/near_duplicates.hpp"

namespace gazette::indexer {
namespace {

/// Candidates looked at per report: reports sharing a band are rare unless they are one story.
constexpr Xapian::doccount kMaxCandidates = 100;

}  // namespace

std::string assign_story_key(const Xapian::Database& database,
                             const std::string& id,
                             Xapian::Document& doc) {
    const auto key_slot = schema::slot(schema::Slot::StoryKey);
    const MinHashSignature signature =
        parse_signature(doc.get_value(schema::slot(schema::Slot::MinHash)));
    std::string key = id;
    const std::vector<std::string> bands = band_terms(signature);
    if (!bands.empty()) {
        Xapian::Query candidates(Xapian::Query::OP_OR, bands.begin(), bands.end());
        Xapian::Enquire enquire(database);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_AND_NOT, candidates, Xapian::Query(id_term(id))));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = enquire.get_mset(0, kMaxCandidates);
        double best = schema::kNearDuplicateSimilarity;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Xapian::Document other = it.get_document();
            const double similarity = signature_similarity(
                signature, parse_signature(other.get_value(schema::slot(schema::Slot::MinHash))));
            const std::string other_key = other.get_value(key_slot);
            if (similarity >= best && !other_key.empty()) {
                best = similarity;
                key = other_key;
            }
        }
    }
    doc.add_value(key_slot, key);
    return key;
}

}  // namespace gazette::indexer
