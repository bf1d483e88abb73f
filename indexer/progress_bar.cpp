#include "indexer/progress_bar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sys/ioctl.h>
#include <unistd.h>

namespace gazette::indexer {
namespace {

constexpr double kFirstDrawSeconds = 1.0;
constexpr double kRedrawSeconds = 0.1;

std::string duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) {
        return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
    }
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::size_t terminal_width(std::FILE* out) {
    winsize size{};
    if (ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 20) {
        return size.ws_col;
    }
    return 80;
}

}  // namespace

std::string ProgressBar::render(const IndexProgress& progress, std::size_t width) {
    const double rate =
        progress.seconds > 0 ? static_cast<double>(progress.reports) / progress.seconds : 0;
    std::string counts = fmt::format(
        "{} report{}  {:.0f}/s", progress.reports, progress.reports == 1 ? "" : "s", rate);
    if (progress.bytes_total == 0) {
        return counts + "  " + duration(progress.seconds);
    }
    const double done = std::min(
        1.0, static_cast<double>(progress.bytes_done) / static_cast<double>(progress.bytes_total));
    std::string eta = "ETA --:--";
    if (done > 0 && progress.seconds > 0) {
        eta = "ETA " + duration(progress.seconds * (1 - done) / done);
    }
    const std::string tail = fmt::format(" {:3.0f}%  {}  {}", done * 100, counts, eta);
    const std::size_t bar =
        width > tail.size() + 12 ? std::min<std::size_t>(40, width - tail.size() - 3) : 10;
    const auto filled = static_cast<std::size_t>(done * static_cast<double>(bar));
    return "[" + std::string(filled, '#') + std::string(bar - filled, '-') + "]" + tail;
}

void ProgressBar::update(const IndexProgress& progress) {
    if (!enabled_ || progress.seconds < kFirstDrawSeconds ||
        progress.seconds - last_drawn_ < kRedrawSeconds) {
        return;
    }
    last_drawn_ = progress.seconds;
    const std::size_t width = terminal_width(out_);
    std::string line = render(progress, width);
    if (line.size() >= width) {
        line.resize(width - 1);
    }
    std::fprintf(out_, "\r\033[K%s", line.c_str());
    std::fflush(out_);
    shown_ = true;
}

void ProgressBar::clear() {
    if (shown_) {
        std::fprintf(out_, "\r\033[K");
        std::fflush(out_);
        shown_ = false;
        last_drawn_ = -1;
    }
}

}  // namespace gazette::indexer
