#include "searcher/tie_order.hpp"

#include "common/schema.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace gazette::search {

bool tie_crosses(const Xapian::MSet& matches, Xapian::doccount edge) {
    if (edge == 0 || edge >= matches.size()) {
        return false;
    }
    return matches[edge - 1].get_weight() == matches[edge].get_weight();
}

void newest_first_among_ties(std::vector<RankedMatch>& ranked, std::size_t begin, std::size_t end) {
    end = std::min(end, ranked.size());
    const auto date_slot = schema::slot(schema::Slot::Date);
    std::vector<std::pair<std::string, RankedMatch>> run;
    for (std::size_t first = begin; first < end;) {
        std::size_t last = first + 1;
        while (last < end && ranked[last].weight == ranked[first].weight) {
            ++last;
        }
        if (last - first > 1) {
            run.clear();
            for (std::size_t i = first; i < last; ++i) {
                run.emplace_back(ranked[i].match.get_document().get_value(date_slot), ranked[i]);
            }
            // "YYYYMMDD" sorts as it reads; an undated report's empty value sorts last.
            std::stable_sort(run.begin(), run.end(), [](const auto& a, const auto& b) {
                return a.first > b.first;
            });
            for (std::size_t i = first; i < last; ++i) {
                ranked[i] = std::move(run[i - first].second);
            }
        }
        first = last;
    }
}

}  // namespace gazette::search
