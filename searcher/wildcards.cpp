#include "searcher/wildcards.hpp"

#include <algorithm>
#include <utility>

namespace gazette::search {

std::vector<std::string> wildcard_terms(const Xapian::Database& database,
                                        const std::string& start,
                                        std::size_t limit) {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto term = database.allterms_begin(start); term != database.allterms_end(start); ++term) {
        found.emplace_back(term.get_termfreq(), *term);
    }
    if (found.size() > limit) {
        const auto cut = found.begin() + static_cast<std::ptrdiff_t>(limit);
        std::nth_element(found.begin(), cut, found.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        found.resize(limit);
    }
    std::vector<std::string> terms;
    terms.reserve(found.size());
    for (auto& [frequency, term] : found) {
        terms.push_back(std::move(term));
    }
    std::sort(terms.begin(), terms.end());
    return terms;
}

}  // namespace gazette::search
