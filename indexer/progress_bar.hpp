/// @file
/// The progress line gazette-index draws on a terminal for runs longer than a second: a bar
/// (when the amount of input is known), reports so far, rate and time left.
#pragma once

#include "indexer/indexing_run.hpp"

#include <cstdio>
#include <string>

namespace gazette::indexer {

class ProgressBar {
  public:
    /// @param enabled false draws nothing (not a terminal, or --quiet).
    ProgressBar(std::FILE* out, bool enabled) : out_(out), enabled_(enabled) {}

    /// Redraws the line, at most ten times a second, once the run has lasted a second.
    void update(const IndexProgress& progress);

    /// Erases the line (before another line is printed, or at the end).
    void clear();

    /// @return the text of the line for `progress` in `width` columns (no terminal codes).
    [[nodiscard]] static std::string render(const IndexProgress& progress, std::size_t width);

  private:
    std::FILE* out_;
    bool enabled_;
    bool shown_ = false;
    double last_drawn_ = -1;
};

}  // namespace gazette::indexer
