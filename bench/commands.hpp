/// @file commands.hpp
/// @brief The subcommands of newsdex-bench; each parses its own options and returns an exit code.
#pragma once

namespace newsdex::bench {

/// `export --out FILE.jsonl [--scale N] PATH...`: the common JSONL input of every engine.
int run_export(int argc, char* argv[]);

/// `index --index DIR [--repeat N] [--json] PATH...`: index build throughput and size.
int run_index(int argc, char* argv[]);

/// `queries --index DIR --queries FILE [--repeat N] [--warmup N] [--json]`: query latency.
int run_queries(int argc, char* argv[]);

/// `facets --index DIR [--repeat N] [--json]`: facet latency against the number of matches.
int run_facets(int argc, char* argv[]);

}  // namespace newsdex::bench
