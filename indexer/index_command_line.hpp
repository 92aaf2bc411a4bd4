/// @file index_command_line.hpp
/// @brief newsdex-index's command line: its options and usage text, as IndexOptions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/index_options.hpp"

namespace newsdex::indexer {

/// What newsdex-index was asked: how to index, what, and whether to report progress.
struct IndexCommandLine {
    IndexOptions options;
    std::vector<std::string> paths;
    bool quiet = false;
};

/// Parses newsdex-index's command line; prints the help and returns nothing on --help.
/// Throws UsageError (or a Boost.Program_options error) for a bad option.
[[nodiscard]] std::optional<IndexCommandLine> parse_index_command_line(int argc, char* argv[]);

}  // namespace newsdex::indexer
