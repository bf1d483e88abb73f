/// @file
/// Searchers for many request threads at once. A Xapian::Database must not be used by two
/// threads at a time, so each request borrows a Searcher of its own from the pool (opened on
/// first need, kept for the next request) and gives it back when done. Every loan first moves the
/// Searcher to the latest committed revision, so reports the indexer commits show up at once.
/// At most a few Searchers per core are opened; more requests wait for one to come back. A search
/// keeps the cores busy by itself (facets are counted on every core), so more Searchers would only
/// share the same cores, each with its own memory and its own cold caches: with 64 Searchers on two
/// cores, 64 connections got fewer answers per second than 4 did (BENCHMARKS.md). The Searchers
/// share the facet records they keep (kept_facet_records.hpp).
#pragma once

#include "common/error.hpp"
#include "searcher/searcher.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gazette::serve {

class SearcherPool {
  public:
    /// Two per core, at least two.
    static std::size_t default_size();

    /// Searchers open `db_path` and expand queries with `synonyms`; at most `size` are open.
    explicit SearcherPool(std::string db_path,
                          search::SynonymTable synonyms = {},
                          std::size_t size = default_size())
        : db_path_(std::move(db_path)),
          synonyms_(std::move(synonyms)),
          size_(size == 0 ? 1 : size) {}

    /// A borrowed Searcher, given back to the pool when the loan ends.
    class Loan {
      public:
        Loan(SearcherPool& pool, std::unique_ptr<search::Searcher> searcher)
            : pool_(&pool), searcher_(std::move(searcher)) {}
        Loan(Loan&&) noexcept = default;
        Loan& operator=(Loan&&) noexcept = default;
        Loan(const Loan&) = delete;
        Loan& operator=(const Loan&) = delete;
        ~Loan();

        search::Searcher& operator*() const { return *searcher_; }
        search::Searcher* operator->() const { return searcher_.get(); }

      private:
        SearcherPool* pool_;
        std::unique_ptr<search::Searcher> searcher_;
    };

    /// @return a Searcher at the latest revision: an idle one refreshed, or a new one; waits for
    /// one to come back when `size` are lent. A database error when the database cannot be
    /// opened or read.
    [[nodiscard]] Result<Loan> borrow();

    /// @return how many Searchers the pool has opened (idle or lent).
    [[nodiscard]] std::size_t opened() const;

  private:
    void give_back(std::unique_ptr<search::Searcher> searcher);

    std::string db_path_;
    const search::SynonymTable synonyms_;
    const std::size_t size_;
    mutable std::mutex mutex_;
    std::condition_variable returned_;  ///< a Searcher came back, or a place came free
    std::vector<std::unique_ptr<search::Searcher>> idle_;
    std::size_t opened_ = 0;  ///< open or being opened
    /// The facet records the Searchers keep, shared by all of them (the last opened one's when
    /// it could not share them: another layout of shards).
    std::shared_ptr<search::KeptFacetRecords> kept_;
};

}  // namespace gazette::serve
