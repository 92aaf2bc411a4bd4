/// @file bench_stats.hpp
/// @brief What every benchmark harness shares: timers, percentiles, peak RSS, sizes on disk.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/json_writer.hpp"

namespace newsdex::bench {

/// Wall-clock stopwatch on the monotonic clock.
class Stopwatch {
  public:
    Stopwatch() : start_(Clock::now()) {}
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(Clock::now() - start_).count();
    }
    [[nodiscard]] double microseconds() const { return seconds() * 1e6; }

  private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point start_;
};

/// The q-quantile (0..1) of `samples` by the nearest-rank method; 0 when empty.
[[nodiscard]] double percentile(std::vector<double> samples, double q);

/// The median of `samples` (average of the middle two for an even count); 0 when empty.
[[nodiscard]] double median(std::vector<double> samples);

/// Peak resident set size of this process so far, in MB (getrusage ru_maxrss).
[[nodiscard]] double peak_rss_mb();

/// CPU seconds (user + system) this process has used so far: on a busy machine this moves
/// less than wall time, so both are reported.
[[nodiscard]] double cpu_seconds();

/// Total size of the regular files under `path`, in MB (10^6 bytes).
[[nodiscard]] double disk_mb(const std::string& path);

/// Latency samples (µs) per query class, in the order classes were first seen.
class LatencyTable {
  public:
    void add(const std::string& query_class, double micros);
    /// Records how many documents one query matched (summed per class, for cross-checks).
    void add_matches(const std::string& query_class, std::uint64_t matches);
    /// `{"term": {"count", "p50_us", "p95_us", "p99_us", "mean_us", "qps", "matches"}, ...}`; qps
    /// is queries per second of busy time (count / sum of latencies), single thread.
    void write(JsonWriter& json) const;
    /// One line per class, for people.
    [[nodiscard]] std::string text() const;

  private:
    std::vector<std::string> order_;
    std::map<std::string, std::vector<double>> samples_;
    std::map<std::string, std::uint64_t> matches_;
};

}  // namespace newsdex::bench
