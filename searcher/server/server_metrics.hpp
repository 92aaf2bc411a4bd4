/// @file server_metrics.hpp
/// @brief What newsdex-serve has answered, for GET /metrics: requests by endpoint and status,
/// a latency histogram, in Prometheus's text exposition format.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace newsdex::server {

/// Counters shared by the server's worker threads (one lock: a request records once).
class ServerMetrics {
  public:
    /// Upper bounds of the latency histogram's buckets, seconds (Prometheus `le`).
    static constexpr std::array<double, 12> bucket_bounds = {
        0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 5.0};

    /// One answered request: its endpoint ("search", "document", "health", ...), HTTP status
    /// and time taken.
    void record(const std::string& endpoint, int status, double seconds);

    /// The index's state as the metrics show it.
    struct IndexState {
        std::uint64_t documents = 0;
        std::uint64_t revision = 0;
    };
    /// Every metric, Prometheus text format 0.0.4.
    [[nodiscard]] std::string prometheus_text(const IndexState& index) const;

  private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;    // (endpoint, status)
    std::array<std::uint64_t, bucket_bounds.size()> bucket_counts_{};  // not cumulative
    std::uint64_t latency_count_ = 0;
    double latency_sum_ = 0;
};

}  // namespace newsdex::server
