#include "searcher/term_frequencies.hpp"

namespace gazette::search {

Xapian::doccount TermFrequencies::of(const Xapian::Database& database, const std::string& term) {
    if (const auto it = known_.find(term); it != known_.end()) {
        return it->second;
    }
    const Xapian::doccount frequency = database.get_termfreq(term);
    if (known_.size() >= capacity_) {
        // Full: start again rather than track which words were used last. The words questions
        // share come back within a few searches.
        known_.clear();
    }
    known_.emplace(term, frequency);
    return frequency;
}

}  // namespace gazette::search
