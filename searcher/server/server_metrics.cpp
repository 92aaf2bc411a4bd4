/// @file server_metrics.cpp
/// @brief Request counters and the latency histogram, written as Prometheus text.
#include "searcher/server/server_metrics.hpp"

#include <algorithm>
#include <cstdio>

namespace newsdex::server {

namespace {

/// A number as Prometheus reads it: 0.0005, 12.3456789.
std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

}  // namespace

void ServerMetrics::record(const std::string& endpoint, int status, double seconds) {
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(bucket_bounds.begin(), bucket_bounds.end(), seconds) -
        bucket_bounds.begin());
    const std::lock_guard lock(mutex_);
    ++requests_[{endpoint, status}];
    if (bucket < bucket_counts_.size()) ++bucket_counts_[bucket];
    ++latency_count_;
    latency_sum_ += seconds;
}

std::string ServerMetrics::prometheus_text(const IndexState& index) const {
    const std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP newsdex_requests_total Requests answered, by endpoint and HTTP status.\n";
    out += "# TYPE newsdex_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out += "newsdex_requests_total{endpoint=\"" + key.first + "\",status=\"" +
               std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
    out += "# HELP newsdex_request_errors_total Requests answered with a status of 400 or more.\n";
    out += "# TYPE newsdex_request_errors_total counter\n";
    std::uint64_t errors = 0;
    for (const auto& [key, count] : requests_)
        if (key.second >= 400) errors += count;
    out += "newsdex_request_errors_total " + std::to_string(errors) + "\n";
    out += "# HELP newsdex_request_duration_seconds Time from a parsed request to its answer.\n";
    out += "# TYPE newsdex_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
        cumulative += bucket_counts_[i];
        out += "newsdex_request_duration_seconds_bucket{le=\"" + number(bucket_bounds[i]) + "\"} " +
               std::to_string(cumulative) + "\n";
    }
    out += "newsdex_request_duration_seconds_bucket{le=\"+Inf\"} " +
           std::to_string(latency_count_) + "\n";
    out += "newsdex_request_duration_seconds_sum " + number(latency_sum_) + "\n";
    out += "newsdex_request_duration_seconds_count " + std::to_string(latency_count_) + "\n";
    out += "# HELP newsdex_index_documents Documents in the index the server reads.\n";
    out += "# TYPE newsdex_index_documents gauge\n";
    out += "newsdex_index_documents " + std::to_string(index.documents) + "\n";
    out += "# HELP newsdex_index_revision Revision of the index the server reads.\n";
    out += "# TYPE newsdex_index_revision gauge\n";
    out += "newsdex_index_revision " + std::to_string(index.revision) + "\n";
    return out;
}

}  // namespace newsdex::server
