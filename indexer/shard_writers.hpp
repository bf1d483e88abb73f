/// @file
/// The writing side of a run: one IndexWriter per shard, reports routed by a hash of their id.
/// With several shards each writes (analysing nothing, only Xapian's write path) on its own
/// thread, fed through a short queue; with one, writes happen on the caller's thread.
#pragma once

#include "common/error.hpp"
#include "indexer/database_layout.hpp"
#include "indexer/index_writer.hpp"

#include <memory>
#include <string>
#include <vector>

namespace gazette::indexer {

class ShardWriters {
  public:
    /// Opens (or creates) every shard of `layout` for writing.
    [[nodiscard]] static Result<ShardWriters> open(const DatabaseLayout& layout,
                                                   db::WriteMode mode,
                                                   std::size_t batch_size);

    ShardWriters(ShardWriters&&) noexcept;
    ShardWriters& operator=(ShardWriters&&) noexcept;
    ~ShardWriters();

    // Between start() and finish(): writes go to the shards' threads.

    /// Starts one writing thread per shard (none with one shard).
    void start();
    /// Adds or replaces report `id`. @return the first error a shard met, if any.
    [[nodiscard]] Result<void> write(const std::string& id, Xapian::Document document);
    /// See IndexWriter::move_source.
    [[nodiscard]] Result<void> move_source(const std::string& id, const std::string& source);
    /// Commits what is pending on every shard (without waiting for the threads to do it).
    [[nodiscard]] Result<void> commit_pending();
    /// Drains the queues, commits and stops the threads. @return the first error a shard met.
    [[nodiscard]] Result<void> finish();

    // Before start() or after finish(): on the caller's thread.

    /// Deletes report `id` from whichever shard holds it. @return false when none did.
    [[nodiscard]] Result<bool> remove(const std::string& id);
    /// See IndexWriter::prune; @return how many reports all shards dropped.
    [[nodiscard]] Result<std::size_t> prune(
        const std::function<bool(std::string_view id_term, std::string_view source)>& is_stale);
    [[nodiscard]] Result<void> commit();
    /// Closes every shard (IndexWriter::close): the run's last step.
    [[nodiscard]] Result<void> close();
    [[nodiscard]] std::size_t doc_count() const;

    [[nodiscard]] std::size_t added() const;
    [[nodiscard]] std::size_t replaced() const;

  private:
    struct Operation;
    struct Shard;
    explicit ShardWriters(std::vector<std::unique_ptr<Shard>> shards);
    [[nodiscard]] Result<void> submit(std::size_t shard, Operation operation);
    static void run_shard(Shard& shard);

    std::vector<std::unique_ptr<Shard>> shards_;
    bool threaded_ = false;
};

}  // namespace gazette::indexer
