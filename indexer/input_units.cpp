#include "indexer/input_units.hpp"

#include "common/schema.hpp"
#include "indexer/line_reader.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace gazette::indexer {
namespace {

/// A unit of feed lines holds at most this many lines or bytes: small enough to share a feed
/// among threads, large enough that handing units over costs nothing.
constexpr std::size_t kUnitLines = 32;
constexpr std::size_t kUnitBytes = 1u << 20;
/// A feed whose first bytes hold a NUL is binary (compressed, say), not JSON Lines.
constexpr std::size_t kSniffBytes = 4096;

/// @return why a feed cannot be read as JSON Lines at all, judged by its first bytes.
std::optional<std::string> unreadable_feed(std::string_view head) {
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
        return "UTF-16 feed (JSON Lines must be UTF-8)";
    }
    if (head.starts_with("\x1F\x8B") || head.starts_with("\xFD"
                                                         "7zXZ")) {
        return "compressed data, not JSON Lines (decompress it first, e.g. xz -dc FILE | "
               "gazette-index -)";
    }
    if (const auto nul = head.find('\0'); nul != std::string_view::npos) {
        return "binary data (NUL byte at offset " + std::to_string(nul) + ")";
    }
    return std::nullopt;
}

/// Reads one feed, emitting units of its lines. @return false when emit asked to stop.
bool produce_feed(std::size_t index,
                  const SourceFile& source,
                  const std::function<bool(InputUnit)>& emit,
                  const std::atomic<bool>& stopping) {
    InputUnit unit;
    unit.source = index;
    unit.whole_file = false;
    const auto refuse = [&](std::string message, std::string action) {
        unit.problems.push_back({source.path, 0, std::move(message), std::move(action)});
        unit.rejected = 1;
        return emit(std::move(unit));
    };
    const int fd =
        source.standard_input ? STDIN_FILENO : ::open(source.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return refuse(std::string("cannot read (") + std::strerror(errno) + ")",
                      "file skipped; check its permissions");
    }
    struct Closer {
        int fd;
        bool owned;
        ~Closer() {
            if (owned) {
                ::close(fd);
            }
        }
    } closer{fd, !source.standard_input};

    LineReader reader(fd, schema::kMaxLineBytes, &stopping);
    const std::string_view head = reader.peek(kSniffBytes);
    if (head.empty() && reader.error() == 0) {
        if (source.standard_input) {
            return emit(std::move(unit));  // a feed with nothing new: nothing to do
        }
        return refuse("empty file", "file skipped");
    }
    if (auto why = unreadable_feed(head)) {
        return refuse(std::move(*why), "file skipped");
    }
    std::size_t unit_bytes = 0;
    while (auto line = reader.next()) {
        unit.bytes += line->bytes.size() + 1;
        if (line->too_long) {
            unit.problems.push_back({source.path,
                                     line->number,
                                     "line longer than the " +
                                         std::to_string(schema::kMaxLineBytes >> 20) + " MB limit",
                                     "line skipped"});
            ++unit.rejected;
        } else {
            unit_bytes += line->bytes.size();
            unit.lines.push_back({std::move(line->bytes), line->offset, line->number});
        }
        // A slow feed (a scraper on standard input) is indexed as it arrives, not in full units.
        if (unit.lines.size() >= kUnitLines || unit_bytes >= kUnitBytes || !reader.ready()) {
            unit.last = false;
            if (!emit(std::move(unit))) {
                return false;
            }
            unit = InputUnit{};
            unit.source = index;
            unit.whole_file = false;
            unit_bytes = 0;
        }
    }
    if (reader.error() != 0) {
        unit.problems.push_back({source.path,
                                 0,
                                 std::string("read failed (") + std::strerror(reader.error()) + ")",
                                 "the rest of the input is not indexed"});
        ++unit.rejected;
    }
    unit.last = true;
    return emit(std::move(unit));
}

}  // namespace

void produce_units(const std::vector<SourceFile>& sources,
                   const std::function<bool(InputUnit)>& emit,
                   const std::atomic<bool>& stopping) {
    for (std::size_t i = 0; i < sources.size() && !stopping.load(); ++i) {
        const SourceFile& source = sources[i];
        if (source.format == Format::Jsonl) {
            if (!produce_feed(i, source, emit, stopping)) {
                return;
            }
            continue;
        }
        InputUnit unit;
        unit.source = i;
        unit.bytes = source.size;
        if (!emit(std::move(unit))) {
            return;
        }
    }
}

}  // namespace gazette::indexer
