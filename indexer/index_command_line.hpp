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
    /// Whether to delete documents (--delete, --delete-from) instead of indexing inputs.
    bool deleting = false;
    /// The ids to delete: those of --delete, then those read from --delete-from.
    std::vector<std::string> delete_ids;
    bool quiet = false;
};

/// Parses newsdex-index's command line; prints the help and returns nothing on --help.
/// Throws UsageError (or a Boost.Program_options error) for a bad option, ParseError for a bad
/// line of a --delete-from list (read here, before the index is touched).
[[nodiscard]] std::optional<IndexCommandLine> parse_index_command_line(int argc, char* argv[]);

}  // namespace newsdex::indexer
