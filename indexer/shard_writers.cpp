#include "indexer/shard_writers.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace gazette::indexer {
namespace {

/// Operations queued per shard: enough to ride out a slow commit, few enough to bound memory.
constexpr std::size_t kQueueLength = 64;

}  // namespace

struct ShardWriters::Operation {
    enum class Kind { Write, MoveSource, Commit, Finish } kind = Kind::Write;
    std::string id;
    std::string source;
    Xapian::Document document;
};

struct ShardWriters::Shard {
    explicit Shard(IndexWriter w) : writer(std::move(w)) {}
    IndexWriter writer;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Operation> queue;
    std::optional<Error> error;
    std::thread thread;
    std::size_t added = 0;
    std::size_t replaced = 0;

    /// Applies one operation on the shard's writer. @return false after an error.
    bool apply(Operation& op) {
        Result<void> ok;
        switch (op.kind) {
            case Operation::Kind::Write:
                if (auto outcome = writer.write(op.id, op.document); outcome) {
                    ++(*outcome == IndexWriter::Outcome::Added ? added : replaced);
                } else {
                    ok = tl::unexpected(outcome.error());
                }
                break;
            case Operation::Kind::MoveSource:
                ok = writer.move_source(op.id, op.source);
                break;
            case Operation::Kind::Commit:
            case Operation::Kind::Finish:
                ok = writer.commit();
                break;
        }
        if (!ok) {
            const std::lock_guard lock(mutex);
            error = ok.error();
            changed.notify_all();
            return false;
        }
        return true;
    }
};

ShardWriters::ShardWriters(std::vector<std::unique_ptr<Shard>> shards)
    : shards_(std::move(shards)) {}
ShardWriters::ShardWriters(ShardWriters&&) noexcept = default;
ShardWriters& ShardWriters::operator=(ShardWriters&&) noexcept = default;

ShardWriters::~ShardWriters() {
    if (threaded_) {
        (void)finish();
    }
}

Result<ShardWriters> ShardWriters::open(const DatabaseLayout& layout,
                                        db::WriteMode mode,
                                        std::size_t batch_size) {
    std::vector<std::unique_ptr<Shard>> shards;
    for (const auto& path : layout.shard_paths()) {
        auto writer = IndexWriter::open(path, mode, batch_size);
        if (!writer) {
            return tl::unexpected(writer.error());
        }
        shards.push_back(std::make_unique<Shard>(std::move(*writer)));
    }
    return ShardWriters(std::move(shards));
}

void ShardWriters::run_shard(Shard& shard) {
    for (;;) {
        std::unique_lock lock(shard.mutex);
        shard.changed.wait(lock, [&] { return !shard.queue.empty(); });
        Operation op = std::move(shard.queue.front());
        shard.queue.pop_front();
        shard.changed.notify_all();
        lock.unlock();
        const bool finishing = op.kind == Operation::Kind::Finish;
        if (!shard.apply(op) || finishing) {
            return;
        }
    }
}

void ShardWriters::start() {
    threaded_ = shards_.size() > 1;
    if (threaded_) {
        for (auto& shard : shards_) {
            shard->thread = std::thread(run_shard, std::ref(*shard));
        }
    }
}

Result<void> ShardWriters::submit(std::size_t index, Operation operation) {
    Shard& shard = *shards_[index];
    if (!threaded_) {
        if (!shard.apply(operation)) {
            return tl::unexpected(*shard.error);
        }
        return {};
    }
    std::unique_lock lock(shard.mutex);
    shard.changed.wait(lock, [&] { return shard.error || shard.queue.size() < kQueueLength; });
    if (shard.error) {
        return tl::unexpected(*shard.error);
    }
    shard.queue.push_back(std::move(operation));
    shard.changed.notify_all();
    return {};
}

Result<void> ShardWriters::write(const std::string& id, Xapian::Document document) {
    return submit(shard_of(id, shards_.size()),
                  {Operation::Kind::Write, id, {}, std::move(document)});
}

Result<void> ShardWriters::move_source(const std::string& id, const std::string& source) {
    return submit(shard_of(id, shards_.size()), {Operation::Kind::MoveSource, id, source, {}});
}

Result<void> ShardWriters::commit_pending() {
    for (std::size_t k = 0; k < shards_.size(); ++k) {
        if (!threaded_ && !shards_[k]->writer.has_pending()) {
            continue;
        }
        if (auto ok = submit(k, {Operation::Kind::Commit, {}, {}, {}}); !ok) {
            return ok;
        }
    }
    return {};
}

Result<void> ShardWriters::finish() {
    std::optional<Error> first_error;
    for (std::size_t k = 0; k < shards_.size(); ++k) {
        Shard& shard = *shards_[k];
        if (threaded_) {
            {
                const std::lock_guard lock(shard.mutex);
                if (!shard.error) {
                    shard.queue.push_back({Operation::Kind::Finish, {}, {}, {}});
                    shard.changed.notify_all();
                }
            }
            shard.thread.join();
        } else if (auto ok = shard.writer.commit(); !ok) {
            shard.error = ok.error();
        }
        if (shard.error && !first_error) {
            first_error = shard.error;
        }
    }
    threaded_ = false;
    if (first_error) {
        return tl::unexpected(*first_error);
    }
    return {};
}

Result<bool> ShardWriters::remove(const std::string& id) {
    bool removed = false;
    for (auto& shard : shards_) {  // routed by id, but a report is looked for everywhere
        auto ok = shard->writer.remove(id);
        if (!ok) {
            return tl::unexpected(ok.error());
        }
        removed = removed || *ok;
    }
    return removed;
}

Result<std::size_t> ShardWriters::prune(
    const std::function<bool(std::string_view id_term, std::string_view source)>& is_stale) {
    std::size_t pruned = 0;
    for (auto& shard : shards_) {
        auto count = shard->writer.prune(is_stale);
        if (!count) {
            return tl::unexpected(count.error());
        }
        pruned += *count;
    }
    return pruned;
}

Result<void> ShardWriters::commit() {
    for (auto& shard : shards_) {
        if (auto ok = shard->writer.commit(); !ok) {
            return ok;
        }
    }
    return {};
}

Result<void> ShardWriters::close() {
    for (auto& shard : shards_) {
        if (auto ok = shard->writer.close(); !ok) {
            return ok;
        }
    }
    return {};
}

std::size_t ShardWriters::doc_count() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        total += shard->writer.doc_count();
    }
    return total;
}

std::size_t ShardWriters::added() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        total += shard->added;
    }
    return total;
}

std::size_t ShardWriters::replaced() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        total += shard->replaced;
    }
    return total;
}

}  // namespace gazette::indexer
