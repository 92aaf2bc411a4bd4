/// @file program.hpp
/// @brief The app layer every newsdex program shares: error-to-exit-code mapping, terminals.
#pragma once

#include <functional>
#include <string_view>

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
/// newsdex::UsageError and Boost.Program_options errors (exit 2), newsdex::Error and any
/// other std::exception (exit 1). Returns the body's own exit code when nothing is thrown.
int run_program(std::string_view tool, const std::function<int()>& body);

/// Whether stdout is a terminal that may be coloured (not when NO_COLOR is set).
[[nodiscard]] bool stdout_is_color_terminal();

/// Whether stderr is a terminal (progress lines are only drawn there).
[[nodiscard]] bool stderr_is_terminal();

}  // namespace newsdex
