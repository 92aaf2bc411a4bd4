/// @file test_support.cpp
/// @brief Shared test helpers (corpus paths, scratch folders, child processes).
#include "support/test_support.hpp"

#include <unistd.h>  // getpid

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/child_process.hpp"

namespace newsdex::test {

namespace fs = std::filesystem;

fs::path shared_corpus() {
    if (const char* env = std::getenv("NEWSDEX_CORPUS"); env && *env) return env;
    return NEWSDEX_SHARED_CORPUS;
}

bool have_shared_corpus() {
    return fs::exists(reuters_dir() / "reut2-000.sgm");
}

fs::path reuters_dir() {
    return shared_corpus() / "reuters21578";
}

fs::path sample_corpus() {
    return NEWSDEX_SAMPLE_CORPUS;
}

fs::path sample_file() {
    return sample_corpus() / "articles.jsonl";
}

const fs::path& sample_index() {
    static const fs::path dir = built_once("cli-sample-index", [](const fs::path& d) {
        const auto r = run_command({index_program(), "-d", d.string(), sample_file().string()});
        REQUIRE(r.exit_code == 0);
    });
    return dir;
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::path(NEWSDEX_TEST_WORK_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

fs::path built_once(const std::string& name, const std::function<void(const fs::path&)>& build) {
    const fs::path dir = fs::path(NEWSDEX_TEST_WORK_DIR) / name;
    const fs::path stamp = fs::path(NEWSDEX_TEST_WORK_DIR) / (name + ".built");
    const char* reuse = std::getenv("NEWSDEX_REUSE_FIXTURES");
    const bool shared = reuse && *reuse;
    if (shared && fs::exists(stamp)) return dir;
    fs::remove(stamp);
    build(fresh_dir(name));
    if (shared) std::ofstream(stamp) << name << '\n';
    return dir;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

namespace {

CommandResult run_child(const std::vector<std::string>& argv, const std::string& input,
                        bool unprivileged) {
    // Files rather than pipes: no deadlock however much the child writes.
    const fs::path dir = fs::path(NEWSDEX_TEST_WORK_DIR) / ("cmd-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ChildOptions options;
    options.stdin_file = dir / "stdin";
    options.unprivileged = unprivileged;
    std::ofstream(options.stdin_file, std::ios::binary) << input;

    ChildProcess child(argv, dir / "command", options);
    CommandResult result;
    result.exit_code = child.wait();
    result.out = child.out();
    result.err = child.err();
    return result;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const std::string& input) {
    return run_child(argv, input, false);
}

CommandResult run_unprivileged(const std::vector<std::string>& argv, const std::string& input) {
    return run_child(argv, input, true);
}

void save_result(const fs::path& prefix, const CommandResult& result) {
    std::ofstream(prefix.string() + ".exit") << result.exit_code << '\n';
    std::ofstream(prefix.string() + ".out", std::ios::binary) << result.out;
    std::ofstream(prefix.string() + ".err", std::ios::binary) << result.err;
}

CommandResult load_result(const fs::path& prefix) {
    CommandResult result;
    std::ifstream(prefix.string() + ".exit") >> result.exit_code;
    result.out = read_file(prefix.string() + ".out");
    result.err = read_file(prefix.string() + ".err");
    return result;
}

std::string index_program() {
    return NEWSDEX_INDEX_BIN;
}
std::string search_program() {
    return NEWSDEX_SEARCH_BIN;
}
std::string serve_program() {
    return NEWSDEX_SERVE_BIN;
}

}  // namespace newsdex::test
