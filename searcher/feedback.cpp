#include "searcher/feedback.hpp"

#include "common/schema.hpp"
#include "common/text/analyzer.hpp"

namespace gazette::search {

bool StemmedWordDecider::operator()(const std::string& term) const {
    const std::string_view prefix = schema::prefix::kStemmed;
    if (term.size() < prefix.size() + 2 || term.compare(0, prefix.size(), prefix) != 0) {
        return false;
    }
    const auto first = static_cast<unsigned char>(term[prefix.size()]);
    if (first >= 'A' && first <= 'Z') {
        return false;  // a stemmed field term (ZS title words): the body stems cover them
    }
    return !text::Analyzer::is_stopword(std::string_view(term).substr(prefix.size()));
}

Feedback with_feedback(Xapian::Enquire& enquire,
                       const Xapian::Query& query,
                       const FeedbackParams& params) {
    Feedback feedback{query, {}};
    const Xapian::MSet best = enquire.get_mset(0, params.documents);
    if (best.empty()) {
        return feedback;
    }
    Xapian::RSet relevant;
    for (auto it = best.begin(); it != best.end(); ++it) {
        relevant.add_document(*it);
    }
    const StemmedWordDecider decider;
    const Xapian::ESet eset = enquire.get_eset(params.terms, relevant, &decider);
    if (eset.empty()) {
        return feedback;
    }
    const double top = eset.begin().get_weight();
    std::vector<Xapian::Query> expansion;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        feedback.terms.push_back(*it);
        expansion.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(*it),
                               params.weight * it.get_weight() / top);
    }
    feedback.query =
        Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                      query,
                      Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()));
    return feedback;
}

}  // namespace gazette::search
