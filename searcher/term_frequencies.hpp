/// @file
/// How many reports have a term, remembered for the revision a searcher has open. Feedback looks
/// up the frequency of up to 100 words per question, one B-tree look-up per word and shard (a
/// network round trip per word for a remote shard); news questions share most of those words
/// ("ceasefir", "troop", "minist"), so a searcher that keeps them looks up each word once.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace gazette::search {

class TermFrequencies {
  public:
    /// About 60 bytes a word: 4 MB at the default.
    static constexpr std::size_t kDefaultCapacity = 1 << 16;

    explicit TermFrequencies(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

    /// @return how many reports of `database` have `term`, looked up on first use. The caller
    /// passes the same database every time, and calls forget() when it reads another revision.
    Xapian::doccount of(const Xapian::Database& database, const std::string& term);

    /// Forgets every frequency (the database moved to another revision).
    void forget() { known_.clear(); }

    [[nodiscard]] std::size_t size() const { return known_.size(); }

  private:
    std::unordered_map<std::string, Xapian::doccount> known_;
    std::size_t capacity_;
};

}  // namespace gazette::search
