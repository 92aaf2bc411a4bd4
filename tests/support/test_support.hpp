/// @file test_support.hpp
/// @brief Shared test helpers: where the corpora are, scratch folders, running the programs.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace newsdex::test {

/// The shared real-world corpora (NEWSDEX_CORPUS in the environment, else the build's
/// NEWSDEX_SHARED_CORPUS, normally ../shared/corpus beside the checkout).
[[nodiscard]] std::filesystem::path shared_corpus();

/// Whether the shared corpora are there (Reuters-21578 at least).
[[nodiscard]] bool have_shared_corpus();

/// The Reuters-21578 folder inside shared_corpus().
[[nodiscard]] std::filesystem::path reuters_dir();

/// The sample corpus shipped in corpus/sample.
[[nodiscard]] std::filesystem::path sample_corpus();

/// The sample corpus's one file, corpus/sample/articles.jsonl.
[[nodiscard]] std::filesystem::path sample_file();

/// The sample corpus indexed by newsdex-index, once per ctest run (built_once), for the cases
/// that only read it.
[[nodiscard]] const std::filesystem::path& sample_index();

/// An empty scratch folder named `name` under the build's test work folder.
[[nodiscard]] std::filesystem::path fresh_dir(const std::string& name);

/// A scratch folder `name` built once per ctest run and shared by the processes of its cases:
/// with NEWSDEX_REUSE_FIXTURES in the environment (ctest sets it), the first process runs
/// `build` on it and leaves a stamp beside it (`name.built`), later ones find it ready; a ctest
/// run starts by removing the stamps (tests/reset_work.cmake). Without the variable it is
/// fresh_dir's: built afresh by each process. The cases sharing one run one at a time.
[[nodiscard]] std::filesystem::path built_once(
    const std::string& name, const std::function<void(const std::filesystem::path&)>& build);

/// The whole content of a file (empty when it cannot be read).
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// What a finished program did.
struct CommandResult {
    int exit_code = -1;  ///< exit status, or 128 + signal when killed
    std::string out;
    std::string err;
};

/// Runs a program (argv[0] is its path) with `input` on stdin; captures stdout and stderr.
[[nodiscard]] CommandResult run_command(const std::vector<std::string>& argv,
                                        const std::string& input = "");

/// Like run_command, but when the tests run as root the program runs as user nobody (65534),
/// for whom file permissions apply; it needs read (and, for an index, write) access to the
/// paths it is given.
[[nodiscard]] CommandResult run_unprivileged(const std::vector<std::string>& argv,
                                             const std::string& input = "");

/// Keeps what a program did in files `prefix`.exit, .out and .err, for load_result.
void save_result(const std::filesystem::path& prefix, const CommandResult& result);

/// What save_result kept.
[[nodiscard]] CommandResult load_result(const std::filesystem::path& prefix);

/// Paths of the built programs.
[[nodiscard]] std::string index_program();
[[nodiscard]] std::string search_program();
[[nodiscard]] std::string serve_program();

}  // namespace newsdex::test
