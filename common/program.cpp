/// @file program.cpp
/// @brief Error-to-exit-code mapping shared by the newsdex programs.
#include "common/program.hpp"

#include <unistd.h>
#include <xapian.h>

#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "common/error.hpp"

namespace newsdex {

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

std::optional<boost::program_options::variables_map> parse_command_line(
    int argc, char* argv[], const boost::program_options::options_description& visible,
    std::vector<std::string>& words, std::string_view usage) {
    namespace po = boost::program_options;
    po::options_description all;
    all.add(visible).add_options()("words", po::value(&words));
    po::positional_options_description positional;
    positional.add("words", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << usage << visible << '\n';
        return std::nullopt;
    }
    po::notify(vm);
    return vm;
}

bool stdout_is_color_terminal() {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace newsdex
