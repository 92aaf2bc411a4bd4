/// @file newsdex_bench.cpp
/// @brief newsdex-bench: end-to-end benchmarks (corpus export, index build, query latency).
#include <cstdio>
#include <string_view>

#include "bench/commands.hpp"
#include "common/error.hpp"
#include "common/program.hpp"

namespace {

const char* kUsage =
    "Usage: newsdex-bench COMMAND [options]\n"
    "  export  --out FILE.jsonl [--scale N] PATH...     corpus to the JSONL all engines read\n"
    "  index   --index DIR [--repeat N] [--json] PATH...  index build: docs/s, MB/s, size, RSS\n"
    "  queries --index DIR --queries FILE [--repeat N] [--warmup N] [--json]\n"
    "                                                    per-class latency p50/p95/p99, QPS\n"
    "  facets  --index DIR [--repeat N] [--json]        facet latency against match count\n"
    "Run `newsdex-bench COMMAND --help` for a command's options; see bench/README.md.\n";

int dispatch(int argc, char* argv[]) {
    using namespace newsdex::bench;
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? newsdex::exit_code::usage_error : newsdex::exit_code::ok;
    }
    const std::string_view command = argv[1];
    // Each command sees its own name as argv[0], like a separate program.
    if (command == "export") return run_export(argc - 1, argv + 1);
    if (command == "index") return run_index(argc - 1, argv + 1);
    if (command == "queries") return run_queries(argc - 1, argv + 1);
    if (command == "facets") return run_facets(argc - 1, argv + 1);
    throw newsdex::UsageError("unknown command '" + std::string(command) +
                              "' (export, index, queries, facets)");
}

}  // namespace

int main(int argc, char* argv[]) {
    return newsdex::run_program("bench", [&] { return dispatch(argc, argv); });
}
