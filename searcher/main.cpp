/// @file main.cpp
/// @brief newsdex-search: ranked, faceted search over a newsdex index from the command line.
#include <iostream>

#include "common/program.hpp"
#include "searcher/result_format.hpp"
#include "searcher/search_command_line.hpp"
#include "searcher/searcher.hpp"

using namespace newsdex;

namespace {

int run(int argc, char* argv[]) {
    const auto args = searcher::parse_search_command_line(argc, argv);
    if (!args) return exit_code::ok;
    // The plain engine for one search: building the caches reads every document's facet
    // values and length, about as much as counting a query that matches the whole index.
    searcher::Searcher searcher(args->index_dir);
    searcher.use_caches(false);
    const auto result = searcher.search(args->request);
    if (args->json)
        std::cout << searcher::format_json(result);
    else
        std::cout << searcher::format_text(result, {stdout_is_color_terminal()});
    return exit_code::ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    return run_program("search", [&] { return run(argc, argv); });
}
