#include "indexer/progress_bar.hpp"

#include <doctest/doctest.h>

using gazette::indexer::IndexProgress;
using gazette::indexer::ProgressBar;

TEST_SUITE("indexer") {
    TEST_CASE("progress_bar: bar, percentage, reports, rate and time left") {
        const IndexProgress half{500, 1000, 250, 10.0};
        CHECK(ProgressBar::render(half, 80) ==
              "[####################--------------------]  50%  250 reports  25/s  ETA 0:10");
        const IndexProgress start{0, 1000, 0, 1.0};
        CHECK(ProgressBar::render(start, 80).ends_with("  0%  0 reports  0/s  ETA --:--"));
        const IndexProgress long_run{1, 4, 36000, 3600.0};
        CHECK(ProgressBar::render(long_run, 80).ends_with("ETA 3:00:00"));
    }

    TEST_CASE("progress_bar: without a known size (standard input): counts, rate, time so far") {
        const IndexProgress feed{123456, 0, 1234, 65.0};
        CHECK(ProgressBar::render(feed, 80) == "1234 reports  19/s  1:05");
    }

    TEST_CASE("progress_bar: nothing is drawn when disabled or in the first second") {
        char* buffer = nullptr;
        std::size_t size = 0;
        std::FILE* out = open_memstream(&buffer, &size);
        ProgressBar quiet(out, false);
        quiet.update({1, 2, 3, 5.0});
        ProgressBar early(out, true);
        early.update({1, 2, 3, 0.5});
        early.clear();
        std::fflush(out);
        CHECK(size == 0);
        early.update({1, 2, 3, 1.5});
        early.clear();
        std::fflush(out);
        const std::string drawn(buffer, size);
        CHECK(drawn.starts_with("\r\033[K["));
        CHECK(drawn.ends_with("\r\033[K"));
        std::fclose(out);
        std::free(buffer);
    }
}
