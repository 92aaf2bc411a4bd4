/// @file bench_stats.cpp
/// @brief Percentiles, peak RSS and on-disk sizes for the benchmark harnesses.
#include "bench/bench_stats.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>

namespace newsdex::bench {

double percentile(std::vector<double> samples, double q) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    // Nearest rank: the smallest sample with at least q of all samples at or below it, so
    // p99 of 30 samples is the maximum rather than an interpolation between the two largest.
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

double median(std::vector<double> samples) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const std::size_t mid = samples.size() / 2;
    return samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024 / 1e6;  // Linux reports KiB
}

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double disk_mb(const std::string& path) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
        if (entry.is_regular_file()) bytes += entry.file_size();
    return static_cast<double>(bytes) / 1e6;
}

void LatencyTable::add(const std::string& query_class, double micros) {
    auto [it, inserted] = samples_.try_emplace(query_class);
    if (inserted) order_.push_back(query_class);
    it->second.push_back(micros);
}

void LatencyTable::add_matches(const std::string& query_class, std::uint64_t matches) {
    matches_[query_class] += matches;
}

void LatencyTable::write(JsonWriter& json) const {
    json.begin_object();
    for (const auto& name : order_) {
        const auto& s = samples_.at(name);
        const double total = std::accumulate(s.begin(), s.end(), 0.0);
        json.key(name).begin_object();
        json.key("count").value(static_cast<std::uint64_t>(s.size()));
        json.key("p50_us").value(percentile(s, 0.50));
        json.key("p95_us").value(percentile(s, 0.95));
        json.key("p99_us").value(percentile(s, 0.99));
        json.key("mean_us").value(total / static_cast<double>(s.size()));
        json.key("qps").value(total > 0 ? static_cast<double>(s.size()) * 1e6 / total : 0.0);
        if (const auto m = matches_.find(name); m != matches_.end())
            json.key("matches").value(m->second);
        json.end_object();
    }
    json.end_object();
}

std::string LatencyTable::text() const {
    std::string out;
    char line[160];
    for (const auto& name : order_) {
        const auto& s = samples_.at(name);
        const double total = std::accumulate(s.begin(), s.end(), 0.0);
        std::snprintf(line, sizeof line,
                      "  %-7s n=%-5zu p50 %9.0f us  p95 %9.0f us  p99 %9.0f us  %8.0f qps\n",
                      name.c_str(), s.size(), percentile(s, 0.50), percentile(s, 0.95),
                      percentile(s, 0.99),
                      total > 0 ? static_cast<double>(s.size()) * 1e6 / total : 0.0);
        out += line;
    }
    return out;
}

}  // namespace newsdex::bench
