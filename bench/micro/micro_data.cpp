/// @file micro_data.cpp
/// @brief Reads and indexes the micro benchmarks' slice of Reuters-21578.
#include "bench/micro/micro_data.hpp"

#include <unistd.h>

#include <filesystem>

#include "common/error.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/index_run.hpp"

namespace fs = std::filesystem;

namespace newsdex::bench {

MicroData load_micro_data(const std::string& shared_dir, int files) {
    const fs::path reuters = fs::path(shared_dir) / "corpus" / "reuters21578";
    const fs::path queries = fs::path(shared_dir) / "bench" / "queries-reuters.jsonl";
    if (!fs::is_directory(reuters) || !fs::is_regular_file(queries))
        throw Error("micro benchmarks need " + reuters.string() + " and " + queries.string() +
                    " (set NEWSDEX_SHARED to the folder holding corpus/ and bench/)");
    std::vector<std::string> inputs;
    for (int i = 0; i < files; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "reut2-%03d.sgm", i);
        inputs.push_back((reuters / name).string());
    }
    MicroData data;
    corpus::read_inputs(
        inputs, {},
        {[&](Article&& a) { data.articles.push_back(std::move(a)); }, [](const ParseError&) {}});
    data.index_dir =
        (fs::temp_directory_path() / ("newsdex-micro-" + std::to_string(getpid()))).string();
    fs::remove_all(data.index_dir);
    indexer::IndexOptions options;
    options.index_dir = data.index_dir;
    (void)indexer::index_inputs(inputs, options, {});
    data.queries = read_workload(queries.string());
    return data;
}

}  // namespace newsdex::bench
