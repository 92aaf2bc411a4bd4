/// @file commands.hpp
/// @brief The subcommands of newsdex-bench; each parses its own options and returns an exit code.
#pragma once

#include <string>

#include "searcher/facet_counter.hpp"

namespace newsdex::bench {

/// The value of `--spies`: "items" (newsdex's spy, the default) or "stock" (Xapian's, as for
/// remote shards); throws UsageError otherwise.
searcher::FacetSpies parse_facet_spies(const std::string& name);

/// `export --out FILE.jsonl [--scale N] PATH...`: the common JSONL input of every engine.
int run_export(int argc, char* argv[]);

/// `index --index DIR [--repeat N] [--json] PATH...`: index build throughput and size.
int run_index(int argc, char* argv[]);

/// `queries --index DIR --queries FILE [--repeat N] [--warmup N] [--spies items|stock]
/// [--no-facet-cache] [--json]`: query latency.
int run_queries(int argc, char* argv[]);

/// `facets --index DIR [--repeat N] [--spies items|stock] [--no-facet-cache] [--json]`: facet
/// latency against the number of matches.
int run_facets(int argc, char* argv[]);

}  // namespace newsdex::bench
