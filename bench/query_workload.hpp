/// @file query_workload.hpp
/// @brief The shared query workloads (../shared/bench/queries-*.jsonl), read into memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace newsdex::bench {

/// One workload query: `{"class", "q", "from", "to", "source", "facets"}`.
struct WorkloadQuery {
    std::string query_class;          ///< term, or2, and, phrase, range, source, facet
    std::string q;                    ///< the words, or a quoted phrase
    std::optional<std::string> from;  ///< YYYY-MM-DD, inclusive
    std::optional<std::string> to;    ///< YYYY-MM-DD, inclusive
    std::optional<std::string> source;
    std::vector<std::string> facets;  ///< source, month, entity
};

/// Reads a workload file; throws newsdex::ParseError (file, line) on a malformed line.
[[nodiscard]] std::vector<WorkloadQuery> read_workload(const std::string& path);

/// The words of `q`, split on white space (quotes are kept as given).
[[nodiscard]] std::vector<std::string> split_words(const std::string& q);

}  // namespace newsdex::bench
