#include "indexer/ordered_pipeline.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

using gazette::indexer::OrderedPipeline;

namespace {

using Pipeline = OrderedPipeline<int, std::string>;

/// Sleeps a little, differently per item, so that workers finish out of order.
void jitter(int item) {
    std::this_thread::sleep_for(std::chrono::microseconds((item * 7919) % 500));
}

}  // namespace

TEST_SUITE("indexer") {
    TEST_CASE("ordered_pipeline: results come in input order whatever the threads do") {
        for (std::size_t jobs : {1, 2, 4}) {
            CAPTURE(jobs);
            std::vector<std::string> seen;
            std::atomic<int> in_flight{0};
            int most_in_flight = 0;
            Pipeline(jobs, 6).run({
                .produce =
                    [&](const Pipeline::Emit& emit, const std::atomic<bool>&) {
                        for (int i = 0; i < 300; ++i) {
                            ++in_flight;
                            most_in_flight = std::max(most_in_flight, in_flight.load());
                            if (!emit(i)) {
                                return;
                            }
                        }
                    },
                .work =
                    [](int& item, std::size_t worker) {
                        jitter(item);
                        return std::to_string(item) + "/" + std::to_string(worker);
                    },
                .consume =
                    [&](std::string& out) {
                        --in_flight;
                        seen.push_back(out.substr(0, out.find('/')));
                        return true;
                    },
                .idle = {},
            });
            REQUIRE(seen.size() == 300);
            for (int i = 0; i < 300; ++i) {
                CHECK(seen[static_cast<std::size_t>(i)] == std::to_string(i));
            }
            // The window (6), plus one being emitted and one taken but not yet handed over.
            CHECK(most_in_flight <= 8);
        }
    }

    TEST_CASE("ordered_pipeline: a consumer that stops ends the run without waiting for input") {
        int consumed = 0;
        Pipeline(2, 4).run({
            .produce =
                [](const Pipeline::Emit& emit, const std::atomic<bool>&) {
                    for (int i = 0;; ++i) {  // endless input
                        if (!emit(i)) {
                            return;
                        }
                    }
                },
            .work = [](int& item, std::size_t) { return std::to_string(item); },
            .consume = [&](std::string&) { return ++consumed < 10; },
            .idle = {},
        });
        CHECK(consumed == 10);
    }

    TEST_CASE("ordered_pipeline: an exception in a worker stops the run and is rethrown") {
        Pipeline pipeline(3, 8);
        CHECK_THROWS_WITH_AS(pipeline.run({
                                 .produce =
                                     [](const Pipeline::Emit& emit, const std::atomic<bool>&) {
                                         for (int i = 0; i < 1000 && emit(i); ++i) {
                                         }
                                     },
                                 .work =
                                     [](int& item, std::size_t) {
                                         if (item == 17) {
                                             throw std::runtime_error("bad item 17");
                                         }
                                         return std::to_string(item);
                                     },
                                 .consume = [](std::string&) { return true; },
                                 .idle = {},
                             }),
                             "bad item 17",
                             std::runtime_error);
    }

    TEST_CASE("ordered_pipeline: a slow producer gets idle calls, the producer sees a stop") {
        int idles = 0;
        bool producer_saw_stop = false;
        Pipeline(1, 2).run({
            .produce =
                [&](const Pipeline::Emit& emit, const std::atomic<bool>& stopping) {
                    if (!emit(1)) {
                        return;
                    }
                    while (!stopping.load()) {  // a feed with nothing more for now
                        std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    }
                    producer_saw_stop = true;
                },
            .work = [](int& item, std::size_t) { return std::to_string(item); },
            .consume = [](std::string&) { return true; },
            .idle = [&] { return ++idles < 3; },
            .idle_after = std::chrono::milliseconds(20),
        });
        CHECK(idles == 3);
        CHECK(producer_saw_stop);
    }
}
