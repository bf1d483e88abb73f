/// @file
/// Parallel work with ordered results: one thread produces items, N threads work on them, and
/// the calling thread consumes the results in the order the items were produced. The order makes
/// a run with N threads write exactly what a run with one writes (same documents, same docids,
/// same messages in the same order); a window on the items in flight bounds memory however long
/// the input.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace gazette::indexer {

template <class Item, class Output>
class OrderedPipeline {
  public:
    /// Emits an item; blocks while the window is full. @return false when the run is stopping.
    using Emit = std::function<bool(Item)>;

    struct Stages {
        /// On its own thread; `stopping` turns true when the run stops early (for long waits).
        std::function<void(const Emit&, const std::atomic<bool>& stopping)> produce;
        std::function<Output(Item&, std::size_t worker)> work;  ///< on worker threads
        std::function<bool(Output&)> consume;  ///< on the caller, in order; false stops the run
        std::function<bool()>
            idle;  ///< on the caller after idle_after without a result; false stops
        std::chrono::milliseconds idle_after{1000};
    };

    /// @param jobs worker threads (at least 1); @param window items in flight at most.
    OrderedPipeline(std::size_t jobs, std::size_t window)
        : jobs_(jobs == 0 ? 1 : jobs), window_(window < jobs_ ? jobs_ : window) {}

    /// Runs the stages to the end of the input (or until consume returns false). An exception
    /// thrown by a stage stops the others and is rethrown here.
    void run(const Stages& stages) {
        std::thread producer([&] { produce(stages); });
        std::vector<std::thread> workers;
        for (std::size_t w = 0; w < jobs_; ++w) {
            workers.emplace_back([&, w] { work(stages, w); });
        }
        try {
            consume(stages);
        } catch (...) {
            fail(std::current_exception());
        }
        stop();
        producer.join();
        for (auto& worker : workers) {
            worker.join();
        }
        if (error_) {
            std::rethrow_exception(error_);
        }
    }

  private:
    void produce(const Stages& stages) {
        try {
            const Emit emit = [this](Item item) {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stopping_ || produced_ - consumed_ < window_; });
                if (stopping_) {
                    return false;
                }
                todo_.emplace(produced_++, std::move(item));
                changed_.notify_all();
                return true;
            };
            stages.produce(emit, stopping_);
        } catch (...) {
            fail(std::current_exception());
        }
        const std::lock_guard lock(mutex_);
        produced_all_ = true;
        changed_.notify_all();
    }

    void work(const Stages& stages, std::size_t worker) {
        for (;;) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !todo_.empty() || produced_all_; });
            if (stopping_ || todo_.empty()) {
                return;
            }
            auto node = todo_.extract(todo_.begin());
            lock.unlock();
            try {
                Output output = stages.work(node.mapped(), worker);
                lock.lock();
                done_.emplace(node.key(), std::move(output));
                changed_.notify_all();
            } catch (...) {
                fail(std::current_exception());
                return;
            }
        }
    }

    void consume(const Stages& stages) {
        for (;;) {
            std::unique_lock lock(mutex_);
            const bool ready = changed_.wait_for(lock, stages.idle_after, [&] {
                return stopping_ || done_.count(consumed_) != 0 ||
                       (produced_all_ && consumed_ == produced_);
            });
            if (!ready) {
                lock.unlock();
                if (stages.idle && !stages.idle()) {
                    return;
                }
                continue;
            }
            if (stopping_ || done_.count(consumed_) == 0) {
                return;
            }
            auto node = done_.extract(consumed_++);
            changed_.notify_all();
            lock.unlock();
            if (!stages.consume(node.mapped())) {
                return;
            }
        }
    }

    void fail(std::exception_ptr error) {
        const std::lock_guard lock(mutex_);
        if (!error_) {
            error_ = std::move(error);
        }
        stopping_ = true;
        changed_.notify_all();
    }

    void stop() {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        changed_.notify_all();
    }

    std::size_t jobs_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::size_t, Item> todo_;    ///< produced, not yet taken by a worker
    std::map<std::size_t, Output> done_;  ///< worked on, not yet consumed
    std::size_t produced_ = 0;
    std::size_t consumed_ = 0;
    bool produced_all_ = false;
    std::atomic<bool> stopping_ = false;  ///< written under mutex_; read without by produce
    std::exception_ptr error_;
};

}  // namespace gazette::indexer
