/// @file
/// One indexer per database at a time, and a clear message naming the one that holds it.
/// Xapian's own lock (flintlock) says only that a database is locked, not by whom, so the
/// indexer first takes its own lock file beside it (flock, released by the kernel however the
/// process ends, kill -9 included) holding its pid. Neither lock file is ever deleted.
#pragma once

#include "common/error.hpp"

#include <atomic>
#include <functional>
#include <string>

namespace gazette::indexer {

class IndexLock {
  public:
    /// Takes the lock of database directory `dir` (creating the directory), recording our pid.
    /// When another indexer holds it: with `wait`, calls `on_wait` with its pid and blocks until
    /// it is released (or `stop` turns true, checked when a signal interrupts the wait); else
    /// fails.
    /// @return ErrorCode::DatabaseLocked "locked by another indexer (pid N)", or Io.
    [[nodiscard]] static Result<IndexLock> acquire(const std::string& dir,
                                                   bool wait,
                                                   const std::atomic<bool>* stop,
                                                   const std::function<void(long pid)>& on_wait);

    IndexLock(IndexLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    IndexLock& operator=(IndexLock&& other) noexcept;
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;
    ~IndexLock();

  private:
    explicit IndexLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace gazette::indexer
