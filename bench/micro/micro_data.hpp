/// @file micro_data.hpp
/// @brief The real data the micro benchmarks run on: Reuters articles, a small index, queries.
#pragma once

#include <string>
#include <vector>

#include "bench/query_workload.hpp"
#include "common/article.hpp"

namespace newsdex::bench {

/// Read once, before the first benchmark runs.
struct MicroData {
    std::vector<Article> articles;       ///< the stories of the first Reuters files
    std::string index_dir;               ///< those stories indexed (entities extracted)
    std::vector<WorkloadQuery> queries;  ///< ../shared/bench/queries-reuters.jsonl
};

/// Loads the data from `shared_dir` (holding corpus/reuters21578 and bench/): the first
/// `files` Reuters files are read and indexed into a fresh folder under the system temp
/// folder. Throws newsdex::Error when the shared folder or its files are missing.
[[nodiscard]] MicroData load_micro_data(const std::string& shared_dir, int files);

}  // namespace newsdex::bench
