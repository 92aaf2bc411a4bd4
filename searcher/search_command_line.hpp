/// @file search_command_line.hpp
/// @brief newsdex-search's command line: its options, usage text and limits, as a request.
#pragma once

#include <optional>
#include <string>

#include "searcher/search_request.hpp"

namespace newsdex::searcher {

/// What newsdex-search was asked: the index, the request, and the output form.
struct SearchCommandLine {
    std::string index_dir;
    SearchRequest request;
    bool json = false;
};

/// Parses newsdex-search's command line; prints the help and returns nothing on --help.
/// Throws UsageError (or a Boost.Program_options error) for a bad option.
[[nodiscard]] std::optional<SearchCommandLine> parse_search_command_line(int argc, char* argv[]);

}  // namespace newsdex::searcher
