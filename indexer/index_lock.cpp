#include "indexer/index_lock.hpp"

#include "common/database.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace gazette::indexer {
namespace fs = std::filesystem;
namespace {

/// @return the pid recorded in the lock file, or 0 when it cannot be read. The holder writes it
/// just after taking the lock, so an empty file is read again a few times.
long holder_pid(int fd) {
    for (int attempt = 0; attempt < 10; ++attempt) {
        char buf[32] = {};
        const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        if (n > 0) {
            return std::strtol(buf, nullptr, 10);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

std::string pid_text(long pid) {
    return pid > 0 ? "pid " + std::to_string(pid) : "pid unknown";
}

}  // namespace

Result<IndexLock> IndexLock::acquire(const std::string& dir,
                                     bool wait,
                                     const std::atomic<bool>* stop,
                                     const std::function<void(long pid)>& on_wait) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    const std::string path = (fs::path(dir) / db::kLockFileName).string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return fail(ErrorCode::Io,
                    "cannot open " + path + " (" + std::strerror(errno) + ")",
                    "check that the database directory is writable");
    }
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) {
            continue;
        }
        if (errno != EWOULDBLOCK) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            return fail(ErrorCode::Io, "cannot lock " + path + " (" + reason + ")");
        }
        const long pid = holder_pid(fd);
        if (!wait) {
            ::close(fd);
            return fail(ErrorCode::DatabaseLocked,
                        "database " + dir + " is locked by another indexer (" + pid_text(pid) + ")",
                        "wait for it to finish, or pass --wait to queue behind it");
        }
        on_wait(pid);
        while (flock(fd, LOCK_EX) != 0) {
            if (errno == EINTR && stop != nullptr && stop->load()) {
                ::close(fd);
                return fail(ErrorCode::DatabaseLocked,
                            "stopped while waiting for the indexer (" + pid_text(pid) + ")",
                            "nothing was indexed");
            }
            if (errno != EINTR) {
                const std::string reason = std::strerror(errno);
                ::close(fd);
                return fail(ErrorCode::Io, "cannot lock " + path + " (" + reason + ")");
            }
        }
        break;
    }
    const std::string pid = std::to_string(static_cast<long>(getpid())) + "\n";
    if (ftruncate(fd, 0) != 0 ||
        pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        // The lock is ours all the same; only the message another indexer prints suffers.
    }
    return IndexLock(fd);
}

IndexLock& IndexLock::operator=(IndexLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) {
        ::close(fd_);  // releases the lock; the file stays
    }
}

}  // namespace gazette::indexer
