/// @file program.hpp
/// @brief The app layer every newsdex program shares: option groups, command lines,
/// error-to-exit-code mapping, terminals.
#pragma once

#include <cstddef>
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

/// Parses a command line of `visible` options and, when `words` is given, positional words
/// (collected into it; without it a positional word is an error). On --help prints `usage`
/// and the options, on --version version_line(), and returns nothing; otherwise the checked
/// variables (required options enforced, notifiers run; errors are thrown as Boost.Program_options
/// errors or UsageError). With DashWords::query, a word after the first that starts with `-` is a
/// word too (`gas -oil` searches for gas without oil), unless it is exactly a short option (`-n`);
/// `--x` stays an option and everything after `--` is words.
enum class DashWords { options, query };
[[nodiscard]] std::optional<boost::program_options::variables_map> parse_command_line(
    int argc, char* argv[], const boost::program_options::options_description& visible,
    std::vector<std::string>* words, std::string_view usage,
    DashWords dash_words = DashWords::options);

// The option groups the programs share, each added to a program's one options_description
// (Boost prints nested groups apart, under captions of their own).

/// `-h/--help` and `--version` (parse_command_line() answers both).
void add_help_option(boost::program_options::options_description& options,
                     const char* text = "show this help and exit");

/// What --version prints: "newsdex-search 0.1.0 (Xapian 1.4.22)".
[[nodiscard]] std::string version_line(std::string_view program);

/// `-d/--index DIR`, required, into `dir`; `text` says what the program does with it.
void add_index_option(boost::program_options::options_description& options, std::string& dir,
                      const char* text);

/// The `--json` switch.
void add_json_option(boost::program_options::options_description& options, bool& json,
                     const char* text = "print one JSON object");

/// The range a count option accepts.
struct CountRange {
    long long min = 0;
    long long max = 1'000'000'000;
};

/// A count option `name` ("limit,n": long name, then short) taking N; `set` receives its value
/// when given. The value is read as a signed number, because Boost converts "-1" to an
/// unsigned type by wrapping it round to 4294967295, and a value outside `range` is a
/// UsageError: "--limit must be a number from 0 to 1000000000, not -1".
void add_count_option(boost::program_options::options_description& options, const char* name,
                      const char* text, CountRange range,
                      const std::function<void(long long)>& set);

/// A count option stored in `count` (any integer type `range` fits).
template <typename Count>
void add_count_option(boost::program_options::options_description& options, const char* name,
                      Count& count, const char* text, CountRange range = {}) {
    add_count_option(options, name, text, range,
                     [&count](long long value) { count = static_cast<Count>(value); });
}

/// Whether stdout is a terminal that may be coloured (not when NO_COLOR is set).
[[nodiscard]] bool stdout_is_color_terminal();

/// Whether stderr is a terminal (progress lines are only drawn there).
[[nodiscard]] bool stderr_is_terminal();

/// Columns of the terminal stderr is (80 when it cannot tell).
[[nodiscard]] std::size_t terminal_width();

}  // namespace newsdex
