#include "searcher/serve/searcher_pool.hpp"

#include <algorithm>
#include <thread>

namespace gazette::serve {

SearcherPool::Loan::~Loan() {
    if (searcher_) {
        pool_->give_back(std::move(searcher_));
    }
}

std::size_t SearcherPool::default_size() {
    return std::max<std::size_t>(2, 2 * std::thread::hardware_concurrency());
}

Result<SearcherPool::Loan> SearcherPool::borrow() {
    std::unique_ptr<search::Searcher> searcher;
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [this] { return !idle_.empty() || opened_ < size_; });
        if (!idle_.empty()) {
            searcher = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++opened_;  // this place is ours while the Searcher opens
        }
    }
    const auto give_up_place = [this] {
        {
            const std::lock_guard lock(mutex_);
            --opened_;
        }
        returned_.notify_one();
    };
    if (searcher) {
        // A Searcher that cannot refresh (the database was removed or broken) is dropped, not
        // given back: the next loan opens the database afresh and reports what is wrong.
        if (auto refreshed = searcher->refresh(); !refreshed) {
            give_up_place();
            return tl::unexpected(refreshed.error());
        }
        return Loan(*this, std::move(searcher));
    }
    auto opened = search::Searcher::open(db_path_);
    if (!opened) {
        give_up_place();
        return tl::unexpected(opened.error());
    }
    opened->synonyms = synonyms_;
    opened->keep_facet_records = true;  // it answers search after search
    {
        // One set of kept facet records for all: numbered once, held once.
        const std::lock_guard lock(mutex_);
        if (!kept_ || !opened->share_facet_records(kept_)) {
            kept_ = opened->facet_records();
        }
    }
    return Loan(*this, std::make_unique<search::Searcher>(std::move(*opened)));
}

std::size_t SearcherPool::opened() const {
    const std::lock_guard lock(mutex_);
    return opened_;
}

void SearcherPool::give_back(std::unique_ptr<search::Searcher> searcher) {
    {
        const std::lock_guard lock(mutex_);
        idle_.push_back(std::move(searcher));
    }
    returned_.notify_one();
}

}  // namespace gazette::serve
