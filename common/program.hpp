/// @file program.hpp
/// @brief The app layer every newsdex program shares: error-to-exit-code mapping, terminals.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// g++ 12 reports a false -Wnull-dereference inside Boost's typed_value<std::string>::notify
// (inlined into the programs); Boost's code checks the pointer first.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/program_options.hpp>

namespace newsdex {

/// Exit codes of every newsdex program.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int runtime_error = 1;  ///< I/O, index or Xapian failure
inline constexpr int usage_error = 2;    ///< bad option or query
inline constexpr int partial = 3;        ///< newsdex-index: finished, but skipped some records
}  // namespace exit_code

/// Runs a program's body and maps what it throws to an exit code, printing
/// `newsdex-<tool>: <message>` on stderr: Xapian::Error (get_description(), exit 1),
/// newsdex::UsageError and Boost.Program_options errors (exit 2; a RequestError names its
/// fields as flags, see flag_name()), newsdex::Error and any other std::exception (exit 1).
/// Returns the body's own exit code when nothing is thrown.
int run_program(std::string_view tool, const std::function<int()>& body);

/// The flag of a request field on every newsdex command line: "facet_limit" -> "--facet-limit".
[[nodiscard]] std::string flag_name(std::string_view field);

/// Parses a command line of `visible` options and positional words (collected into `words`).
/// On --help prints `usage` and the options and returns nothing; otherwise the checked
/// variables (required options enforced; errors are thrown as Boost.Program_options errors).
[[nodiscard]] std::optional<boost::program_options::variables_map> parse_command_line(
    int argc, char* argv[], const boost::program_options::options_description& visible,
    std::vector<std::string>& words, std::string_view usage);

/// Whether stdout is a terminal that may be coloured (not when NO_COLOR is set).
[[nodiscard]] bool stdout_is_color_terminal();

/// Whether stderr is a terminal (progress lines are only drawn there).
[[nodiscard]] bool stderr_is_terminal();

}  // namespace newsdex
