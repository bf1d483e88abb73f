#include "searcher/rerank.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

namespace gazette::search {
namespace {

/// BM25's weight of a term in `frequency` of `reports` reports, before its frequency in a
/// report is known: Xapian 1.4's BM25Weight::init, including its floor for terms in more than
/// about a third of the reports, times the scale OP_SCALE_WEIGHT gives it.
double term_weight(double frequency, double reports, double scale, const Bm25Params& bm25) {
    double odds = (reports - frequency + 0.5) / (frequency + 0.5);
    if (odds < 2) {
        odds = odds * 0.5 + 1;
    }
    return std::log(odds) * scale * (bm25.k1 + 1);
}

/// BM25's weight of a term in a report: Xapian 1.4's BM25Weight::get_sumpart.
double in_report(
    double weight, double wdf, double length, double average_length, const Bm25Params& bm25) {
    const double normlen = std::max(length / average_length, bm25.min_normlen);
    return weight * wdf / (bm25.k1 * (normlen * bm25.b + (1 - bm25.b)) + wdf);
}

}  // namespace

std::vector<RankedMatch> as_ranked(const Xapian::MSet& matches) {
    std::vector<RankedMatch> ranked;
    ranked.reserve(matches.size());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        ranked.push_back({it, it.get_weight(), it.get_percent()});
    }
    return ranked;
}

std::vector<RankedMatch> as_ranked(const Xapian::MSet& reranked, const Xapian::MSet& matches) {
    std::unordered_map<Xapian::docid, int> percents;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        percents.emplace(*it, it.get_percent());
    }
    std::vector<RankedMatch> ranked = as_ranked(reranked);
    for (auto& match : ranked) {
        const auto found = percents.find(*match.match);
        match.percent = found != percents.end()
                            ? found->second
                            : std::min(100, matches.convert_to_percent(match.weight));
    }
    return ranked;
}

std::vector<RankedMatch> rerank(const Xapian::MSet& matches,
                                Xapian::doccount count,
                                const Feedback& feedback,
                                const Xapian::Database& database,
                                const Bm25Params& bm25) {
    std::vector<RankedMatch> ranked = as_ranked(matches);
    const std::size_t head = std::min<std::size_t>(count, ranked.size());
    if (head < 2 || feedback.terms.empty()) {
        return ranked;
    }
    // The re-ranked matches by document id, so that each posting list is read forward once.
    std::vector<std::pair<Xapian::docid, std::size_t>> by_id;
    by_id.reserve(head);
    for (std::size_t i = 0; i < head; ++i) {
        by_id.emplace_back(*ranked[i].match, i);
    }
    std::sort(by_id.begin(), by_id.end());
    const double reports = database.get_doccount();
    const double average_length = std::max(database.get_avlength(), 1.0);
    // Each report's length, looked up once: a look-up per word and report was most of the cost.
    std::vector<double> lengths(head, -1.0);
    for (std::size_t t = 0; t < feedback.terms.size(); ++t) {
        const double weight =
            term_weight(feedback.frequencies[t], reports, feedback.scales[t], bm25);
        auto posting = database.postlist_begin(feedback.terms[t]);
        const auto end = database.postlist_end(feedback.terms[t]);
        for (const auto& [id, i] : by_id) {
            posting.skip_to(id);
            if (posting == end) {
                break;
            }
            if (*posting == id) {
                if (lengths[i] < 0) {
                    lengths[i] = posting.get_doclength();
                }
                ranked[i].weight +=
                    in_report(weight, posting.get_wdf(), lengths[i], average_length, bm25);
            }
        }
    }
    std::stable_sort(
        ranked.begin(),
        ranked.begin() + static_cast<std::ptrdiff_t>(head),
        [](const RankedMatch& a, const RankedMatch& b) { return a.weight > b.weight; });
    return ranked;
}

}  // namespace gazette::search
