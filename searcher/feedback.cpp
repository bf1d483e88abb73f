#include "searcher/feedback.hpp"

#include "common/body_stems.hpp"
#include "common/schema.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::search {
namespace {

/// Saturation of a word's frequency in a report, as BM25's k1.
constexpr double kExpandK = 1.0;

/// A candidate expansion word: what the best matches say of it.
struct Candidate {
    Xapian::doccount matches = 0;  ///< best matches that have it (r)
    double saturated = 0;          ///< its saturated frequency summed over them
};

/// Offer weight of a word (Robertson and Sparck Jones's relevance weight of the word, times how
/// much the best matches use it): r of the R best matches have it, n of the N reports do.
double offer_weight(const Candidate& c, double R, double n, double N) {
    const double r = c.matches;
    const double odds = (r + 0.5) * (N - n - R + r + 0.5) / ((R - r + 0.5) * (n - r + 0.5));
    return c.saturated * std::log(std::max(odds, 1.0));
}

}  // namespace

Feedback with_feedback(const Xapian::MSet& matches,
                       const Xapian::Database& database,
                       const Xapian::Query& query,
                       const FeedbackParams& params,
                       TermFrequencies& frequencies) {
    Feedback feedback{query, {}, {}, {}};
    if (matches.empty()) {
        return feedback;
    }
    const Xapian::doccount best = std::min(params.documents, matches.size());
    // The words of the best matches, read from the values the indexer keeps of their most used
    // stems (from their term lists for a database indexed before). Only words at least
    // `min_shared` of them have are looked up in the index (one look-up per word and shard, the
    // cost of feedback): a word one report has says what that report is about, not the query.
    const double average_length = std::max(database.get_avlength(), 1.0);
    // The candidates' keys point into these: reserved, so that no string moves.
    std::vector<std::string> stems;
    stems.reserve(best);
    std::unordered_map<std::string_view, Candidate> candidates;
    auto it = matches.begin();
    for (Xapian::doccount i = 0; i < best; ++i, ++it) {
        const Xapian::Document doc = it.get_document();
        std::string value = doc.get_value(schema::slot(schema::Slot::BodyStems));
        stems.push_back(value.empty() ? body_stems::encode(doc) : std::move(value));
        const double length = database.get_doclength(*it);
        (void)body_stems::for_each(stems.back(), [&](std::string_view word, Xapian::termcount wdf) {
            Candidate& c = candidates[word];
            ++c.matches;
            c.saturated += (kExpandK + 1) * wdf / (kExpandK * length / average_length + wdf);
        });
    }
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
        candidates.erase(std::string_view(*term));  // already asked for
    }
    const auto min_shared = std::min(params.min_shared, best);
    const double R = best;
    const double N = database.get_doccount();
    // In term order: neighbouring look-ups share B-tree blocks already read.
    std::vector<std::pair<std::string_view, const Candidate*>> shared;
    for (const auto& [term, c] : candidates) {
        if (c.matches >= min_shared) {
            shared.emplace_back(term, &c);
        }
    }
    // The words the best matches use most are the only ones worth a look-up: capped, the
    // rankings of Cranfield and CISI moved by less than 0.001 (BENCHMARKS.md).
    if (shared.size() > params.lookups) {
        const auto cut = shared.begin() + static_cast<std::ptrdiff_t>(params.lookups);
        std::nth_element(shared.begin(), cut, shared.end(), [](const auto& a, const auto& b) {
            return a.second->saturated > b.second->saturated;
        });
        shared.resize(params.lookups);
    }
    std::sort(shared.begin(), shared.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    struct Weighted {
        double weight;
        std::string term;
        Xapian::doccount frequency;
    };
    std::vector<Weighted> weighted;
    for (const auto& [term, c] : shared) {
        std::string word(term);
        const Xapian::doccount n = frequencies.of(database, word);
        if (n > params.long_list && n > params.max_share * N) {
            continue;
        }
        const double weight = offer_weight(*c, R, n, N);
        if (weight > 0) {
            weighted.push_back({weight, std::move(word), n});
        }
    }
    const auto kept = std::min<std::size_t>(params.terms, weighted.size());
    std::partial_sort(weighted.begin(),
                      weighted.begin() + static_cast<std::ptrdiff_t>(kept),
                      weighted.end(),
                      [](const Weighted& a, const Weighted& b) {
                          return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
                      });
    weighted.resize(kept);
    if (weighted.empty()) {
        return feedback;
    }
    const double top = weighted.front().weight;
    std::vector<Xapian::Query> expansion;
    for (const auto& [weight, term, frequency] : weighted) {
        const double scale = params.weight * weight / top;
        feedback.terms.push_back(term);
        feedback.scales.push_back(scale);
        feedback.frequencies.push_back(frequency);
        expansion.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), scale);
    }
    feedback.query =
        Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                      query,
                      Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()));
    return feedback;
}

Feedback with_feedback(Xapian::Enquire& enquire,
                       const Xapian::Database& database,
                       const Xapian::Query& query,
                       const FeedbackParams& params) {
    TermFrequencies frequencies;
    return with_feedback(
        enquire.get_mset(0, params.documents), database, query, params, frequencies);
}

}  // namespace gazette::search
