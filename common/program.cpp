/// @file program.cpp
/// @brief Error-to-exit-code mapping shared by the newsdex programs.
#include "common/program.hpp"

#include <unistd.h>

#include <boost/program_options/errors.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <xapian.h>

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

bool stdout_is_color_terminal() {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace newsdex
