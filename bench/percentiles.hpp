/// @file
/// Latency summaries: percentiles of a set of timings.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace gazette::bench {

struct LatencySummary {
    std::size_t count = 0;
    double p50_ms = 0;
    double p95_ms = 0;
    double p99_ms = 0;
    double mean_ms = 0;
};

/// @return the nearest-rank percentiles of `ms` (milliseconds).
[[nodiscard]] inline LatencySummary summarise(std::vector<double> ms) {
    LatencySummary s;
    s.count = ms.size();
    if (ms.empty()) {
        return s;
    }
    std::sort(ms.begin(), ms.end());
    const auto rank = [&](double p) {
        const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(ms.size()))) - 1;
        return ms[std::min(i, ms.size() - 1)];
    };
    s.p50_ms = rank(0.50);
    s.p95_ms = rank(0.95);
    s.p99_ms = rank(0.99);
    double total = 0;
    for (const double v : ms) {
        total += v;
    }
    s.mean_ms = total / static_cast<double>(ms.size());
    return s;
}

}  // namespace gazette::bench
