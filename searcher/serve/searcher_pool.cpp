#include "searcher/serve/searcher_pool.hpp"

namespace gazette::serve {

SearcherPool::Loan::~Loan() {
    if (searcher_) {
        pool_->give_back(std::move(searcher_));
    }
}

Result<SearcherPool::Loan> SearcherPool::borrow() {
    std::unique_ptr<search::Searcher> searcher;
    {
        const std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            searcher = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (searcher) {
        // A Searcher that cannot refresh (the database was removed or broken) is dropped, not
        // given back: the next loan opens the database afresh and reports what is wrong.
        if (auto refreshed = searcher->refresh(); !refreshed) {
            const std::lock_guard lock(mutex_);
            --opened_;
            return tl::unexpected(refreshed.error());
        }
        return Loan(*this, std::move(searcher));
    }
    auto opened = search::Searcher::open(db_path_);
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    opened->synonyms = synonyms_;
    opened->keep_facet_records = true;  // it answers search after search
    {
        const std::lock_guard lock(mutex_);
        ++opened_;
    }
    return Loan(*this, std::make_unique<search::Searcher>(std::move(*opened)));
}

std::size_t SearcherPool::opened() const {
    const std::lock_guard lock(mutex_);
    return opened_;
}

void SearcherPool::give_back(std::unique_ptr<search::Searcher> searcher) {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(searcher));
}

}  // namespace gazette::serve
