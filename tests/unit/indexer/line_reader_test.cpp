#include "indexer/line_reader.hpp"

#include "tests/unit/test_support.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace gazette;
using namespace gazette::indexer;

namespace {

std::vector<LineReader::Line> all_lines(const std::string& content, std::size_t max_line) {
    testing::TempDir dir;
    const std::string path = dir.write("feed.jsonl", content);
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    LineReader reader(fd, max_line);
    std::vector<LineReader::Line> lines;
    while (auto line = reader.next()) {
        lines.push_back(std::move(*line));
    }
    ::close(fd);
    return lines;
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("line_reader: lines with their numbers and byte offsets") {
        const auto lines = all_lines("one\n\nthree\r\nfour", 100);
        REQUIRE(lines.size() == 4);
        CHECK(lines[0].bytes == "one");
        CHECK(lines[1].bytes.empty());
        CHECK(lines[2].bytes == "three\r");
        CHECK(lines[2].offset == 5);
        CHECK(lines[3].bytes == "four");
        CHECK(lines[3].number == 4);
        CHECK(lines[3].offset == 12);
    }

    TEST_CASE("line_reader: a line over the limit is skipped to its end, and said so") {
        const std::string big(5000000, 'x');
        const auto lines = all_lines("short\n" + big + "\nafter\n" + big, 1000000);
        REQUIRE(lines.size() == 4);
        CHECK(lines[1].too_long);
        CHECK(lines[1].bytes.empty());
        CHECK(lines[1].offset == 6);
        CHECK(lines[2].bytes == "after");
        CHECK(lines[2].number == 3);
        CHECK(lines[2].offset == 6 + big.size() + 1);
        CHECK(lines[3].too_long);
    }

    TEST_CASE("line_reader: a slow pipe is read as it comes, ready() tells when it would wait") {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        LineReader reader(fds[0], 1000);
        CHECK(::write(fds[1], "first\nsec", 9) == 9);
        auto first = reader.next();
        REQUIRE(first);
        CHECK(first->bytes == "first");
        CHECK_FALSE(reader.ready());  // "sec" has no end yet
        std::thread writer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            CHECK(::write(fds[1], "ond\n", 4) == 4);
            ::close(fds[1]);
        });
        auto second = reader.next();
        writer.join();
        REQUIRE(second);
        CHECK(second->bytes == "second");
        CHECK_FALSE(reader.next());
        ::close(fds[0]);
    }

    TEST_CASE("line_reader: a stop request ends a wait for input") {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        std::atomic<bool> stop{false};
        LineReader reader(fds[0], 1000, &stop);
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            stop = true;
        });
        CHECK_FALSE(reader.next());
        stopper.join();
        ::close(fds[0]);
        ::close(fds[1]);
    }
}
