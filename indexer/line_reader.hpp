/// @file
/// Reads a JSON Lines feed (a file, or standard input from a scraper) line by line, without
/// holding it whole, so that a feed of any length is indexed in bounded memory and a slow one
/// is indexed as it arrives.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::indexer {

class LineReader {
  public:
    /// Reads from `fd` (not owned). Lines longer than `max_line` bytes are skipped to their end.
    /// `stop`, when set, ends a wait for input early.
    LineReader(int fd, std::size_t max_line, const std::atomic<bool>* stop = nullptr)
        : fd_(fd), max_line_(max_line), stop_(stop) {}

    struct Line {
        std::string bytes;         ///< without its '\n' (empty when too long)
        std::uint64_t offset = 0;  ///< byte offset of its first byte in the input
        std::size_t number = 0;    ///< 1-based line number
        bool too_long = false;     ///< longer than max_line: skipped
    };

    /// @return the next line, or nothing at the end of the input (or on a read error, see
    /// error()).
    [[nodiscard]] std::optional<Line> next();

    /// @return up to `n` bytes at the current position without consuming them: what one read
    /// brings when nothing is buffered (fewer than `n` at the end, or from a slow feed).
    [[nodiscard]] std::string_view peek(std::size_t n);

    /// @return true when next() can answer without waiting for more input.
    [[nodiscard]] bool ready();

    /// @return errno of a failed read, or 0.
    [[nodiscard]] int error() const { return error_; }

  private:
    /// Reads more input into the buffer. @return false at the end of input, on error or stop.
    bool fill();

    int fd_;
    std::size_t max_line_;
    const std::atomic<bool>* stop_;
    std::string buffer_;
    std::size_t pos_ = 0;             ///< start of the unread part of buffer_
    std::uint64_t offset_ = 0;        ///< input offset of buffer_[pos_]
    std::uint64_t skipped_from_ = 0;  ///< where the line being skipped as too long began
    std::size_t line_number_ = 0;     ///< lines returned so far
    bool eof_ = false;
    int error_ = 0;
};

}  // namespace gazette::indexer
