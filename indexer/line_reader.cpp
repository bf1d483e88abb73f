#include "indexer/line_reader.hpp"

#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace gazette::indexer {
namespace {

constexpr std::size_t kReadBytes = 1u << 20;
/// How long one wait for input lasts before the stop flag is looked at again.
constexpr int kPollMilliseconds = 200;

}  // namespace

bool LineReader::fill() {
    if (eof_) {
        return false;
    }
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kReadBytes);
    for (;;) {
        if (stop_ != nullptr && stop_->load()) {
            eof_ = true;
            break;
        }
        pollfd waiting{fd_, POLLIN, 0};
        if (poll(&waiting, 1, kPollMilliseconds) <= 0) {
            continue;  // nothing yet (a slow feed) or a signal: look at the stop flag again
        }
        const ssize_t n = ::read(fd_, buffer_.data() + old_size, kReadBytes);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error_ = errno;
            eof_ = true;
        } else if (n == 0) {
            eof_ = true;
        } else {
            buffer_.resize(old_size + static_cast<std::size_t>(n));
            return true;
        }
        break;
    }
    buffer_.resize(old_size);
    return false;
}

std::optional<LineReader::Line> LineReader::next() {
    std::size_t searched = pos_;
    bool too_long = false;
    for (;;) {
        const std::size_t newline = buffer_.find('\n', searched);
        if (newline != std::string::npos || (eof_ && (pos_ < buffer_.size() || too_long))) {
            const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
            Line line;
            line.offset = offset_;
            line.number = ++line_number_;
            line.too_long = too_long || end - pos_ > max_line_;
            if (!line.too_long) {
                line.bytes.assign(buffer_, pos_, end - pos_);
            }
            const std::size_t consumed = std::min(end + 1, buffer_.size()) - pos_;
            offset_ += consumed;
            pos_ += consumed;
            if (too_long) {
                line.offset = skipped_from_;
            }
            return line;
        }
        if (eof_) {
            return std::nullopt;
        }
        if (buffer_.size() - pos_ > max_line_) {
            // Too long to keep: drop what we have of it and keep looking for its end.
            if (!too_long) {
                skipped_from_ = offset_;
            }
            too_long = true;
            offset_ += buffer_.size() - pos_;
            pos_ = buffer_.size();
        }
        searched = buffer_.size() - pos_;  // offset within the buffer after fill() compacts it
        fill();
        searched = std::min(searched, buffer_.size());
    }
}

std::string_view LineReader::peek(std::size_t n) {
    if (buffer_.size() == pos_) {
        fill();  // once: a slow feed must not be waited for until n bytes have come
    }
    return std::string_view(buffer_).substr(pos_, n);
}

bool LineReader::ready() {
    if (eof_ || buffer_.find('\n', pos_) != std::string::npos) {
        return true;
    }
    pollfd waiting{fd_, POLLIN, 0};
    return poll(&waiting, 1, 0) > 0;
}

}  // namespace gazette::indexer
