/// @file serve_command_line.hpp
/// @brief newsdex-serve's command line: the index, the address to listen on, the threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace newsdex::server {

/// What newsdex-serve was asked.
struct ServeCommandLine {
    std::string index_dir;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::size_t threads = 2;       ///< searchers: searches run at once
    std::size_t connections = 64;  ///< connections answered at once
};

/// Parses newsdex-serve's command line; prints the help and returns nothing on --help.
/// Throws UsageError (or a Boost.Program_options error) for a bad option.
[[nodiscard]] std::optional<ServeCommandLine> parse_serve_command_line(int argc, char* argv[]);

}  // namespace newsdex::server
