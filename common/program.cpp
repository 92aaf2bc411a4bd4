/// @file program.cpp
/// @brief Option groups, command-line parsing and error-to-exit-code mapping of the programs.
#include "common/program.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <xapian.h>

#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include "common/error.hpp"

namespace newsdex {

namespace po = boost::program_options;

namespace {
int report(std::string_view tool, const std::string& message, int code) {
    std::cerr << "newsdex-" << tool << ": " << message << '\n';
    if (code == exit_code::usage_error)
        std::cerr << "Try 'newsdex-" << tool << " --help' for more information.\n";
    return code;
}
}  // namespace

int run_program(std::string_view tool, const std::function<int()>& body) {
    try {
        return body();
    } catch (const Xapian::Error& e) {
        return report(tool, e.get_description(), exit_code::runtime_error);
    } catch (const RequestError& e) {
        return report(tool, e.worded(flag_name), exit_code::usage_error);
    } catch (const UsageError& e) {
        return report(tool, e.what(), exit_code::usage_error);
    } catch (const Error& e) {
        return report(tool, e.what(), exit_code::runtime_error);
    } catch (const boost::program_options::error& e) {
        return report(tool, e.what(), exit_code::usage_error);
    } catch (const std::exception& e) {
        return report(tool, e.what(), exit_code::runtime_error);
    }
}

std::string flag_name(std::string_view field) {
    std::string flag = "--" + std::string(field);
    for (char& c : flag)
        if (c == '_') c = '-';
    return flag;
}

namespace {

/// Whether the option `arg` names (`--limit`, `--limit=5`, `-n`, `-n5`) takes its value from the
/// next argument.
bool takes_next_argument(const po::options_description& options, std::string_view arg) {
    const bool long_form = arg.starts_with("--");
    const std::string name(long_form ? arg.substr(2, arg.find('=') - 2) : arg.substr(1, 1));
    if ((long_form && arg.find('=') != std::string_view::npos) || (!long_form && arg.size() > 2))
        return false;  // the value is attached
    for (const auto& option : options.options()) {
        const bool named = long_form
                               ? option->long_name() == name
                               : option->canonical_display_name(
                                     po::command_line_style::allow_dash_for_short) == "-" + name;
        if (named) return option->semantic()->max_tokens() > 0;
    }
    return false;
}

/// Whether `arg` is exactly one of the short options (`-n`).
bool is_short_option(const po::options_description& options, std::string_view arg) {
    if (arg.size() != 2) return false;
    for (const auto& option : options.options())
        if (option->canonical_display_name(po::command_line_style::allow_dash_for_short) == arg)
            return true;
    return false;
}

/// The arguments with the query words after the first that start with '-' moved behind a
/// `--`, so that Boost reads them as words.
std::vector<std::string> with_dash_words(int argc, char* argv[],
                                         const po::options_description& options) {
    std::vector<std::string> flags;
    std::vector<std::string> words;
    bool seen_word = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            words.insert(words.end(), argv + i + 1, argv + argc);
            break;
        }
        const bool option = arg.size() > 1 && arg.front() == '-' &&
                            (!seen_word || arg.starts_with("--") || is_short_option(options, arg));
        if (option && !seen_word && !arg.starts_with("--") &&
            !is_short_option(options, arg.substr(0, 2)))
            throw UsageError("unknown option '" + std::string(arg) +
                             "' (a query that starts with '-' goes after '--': -- " +
                             std::string(arg) + ")");
        if (!option) {
            words.emplace_back(arg);
            seen_word = true;
            continue;
        }
        flags.emplace_back(arg);
        if (takes_next_argument(options, arg) && i + 1 < argc) flags.emplace_back(argv[++i]);
    }
    flags.emplace_back("--");
    flags.insert(flags.end(), words.begin(), words.end());
    return flags;
}

}  // namespace

std::optional<po::variables_map> parse_command_line(int argc, char* argv[],
                                                    const po::options_description& visible,
                                                    std::vector<std::string>* words,
                                                    std::string_view usage, DashWords dash_words) {
    po::options_description all;
    all.add(visible);
    po::positional_options_description positional;
    if (words) {
        all.add_options()("words", po::value(words));
        positional.add("words", -1);
    }
    po::variables_map vm;
    if (words && dash_words == DashWords::query)
        po::store(po::command_line_parser(with_dash_words(argc, argv, visible))
                      .options(all)
                      .positional(positional)
                      .run(),
                  vm);
    else
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
    if (vm.count("help")) {
        std::cout << usage << visible << '\n';
        return std::nullopt;
    }
    if (vm.count("version")) {
        std::cout << version_line(
                         std::filesystem::path(argc > 0 ? argv[0] : "newsdex").filename().string())
                  << '\n';
        return std::nullopt;
    }
    po::notify(vm);
    return vm;
}

void add_help_option(po::options_description& options, const char* text) {
    options.add_options()("help,h", text)("version",
                                          "show the versions of newsdex and Xapian and exit");
}

std::string version_line(std::string_view program) {
    return std::string(program) + " " + NEWSDEX_VERSION + " (Xapian " + Xapian::version_string() +
           ")";
}

void add_index_option(po::options_description& options, std::string& dir, const char* text) {
    options.add_options()("index,d", po::value(&dir)->required()->value_name("DIR"), text);
}

void add_json_option(po::options_description& options, bool& json, const char* text) {
    options.add_options()("json", po::bool_switch(&json), text);
}

void add_count_option(po::options_description& options, const char* name, const char* text,
                      CountRange range, const std::function<void(long long)>& set) {
    const std::string flag =
        "--" + std::string(std::string_view(name).substr(0, std::string_view(name).find(',')));
    const auto check = [flag, range, set](long long value) {
        if (value < range.min || value > range.max)
            throw UsageError(flag + " must be a number from " + std::to_string(range.min) + " to " +
                             std::to_string(range.max) + ", not " + std::to_string(value));
        set(value);
    };
    options.add_options()(name, po::value<long long>()->value_name("N")->notifier(check), text);
}

bool stdout_is_color_terminal() {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

std::size_t terminal_width() {
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace newsdex
