/// @file
/// Cutting a run's input into units of work for the reading threads: a text, Markdown or HTML
/// file is one unit; a JSON Lines feed (a file, or standard input) is cut into runs of lines as
/// it is read, so that one big feed keeps every thread busy and a slow feed is indexed as its
/// lines arrive.
#pragma once

#include "common/report.hpp"
#include "indexer/source_walker.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gazette::indexer {

/// One line of a feed, as read.
struct FeedLine {
    std::string bytes;
    std::uint64_t offset = 0;  ///< of its first byte in the feed
    std::size_t number = 0;    ///< 1-based
};

/// A piece of input one thread turns into reports.
struct InputUnit {
    std::size_t source = 0;  ///< index of its SourceFile in the run
    bool whole_file = true;  ///< else `lines` of a feed
    std::vector<FeedLine> lines;
    bool last = true;                    ///< the last unit of its source
    std::vector<InputProblem> problems;  ///< found while cutting: a line too long, a binary feed
    std::size_t rejected = 0;            ///< lines (or the file) refused while cutting
    std::uint64_t bytes = 0;             ///< input bytes it covers, for progress
};

/// Cuts `sources` into units, in order, handing each to `emit` (which may block; false stops).
/// Stops early when `stopping` turns true.
void produce_units(const std::vector<SourceFile>& sources,
                   const std::function<bool(InputUnit)>& emit,
                   const std::atomic<bool>& stopping);

}  // namespace gazette::indexer
