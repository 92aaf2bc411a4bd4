/// @file test_support.cpp
/// @brief Shared test helpers (corpus paths, scratch folders, child processes).
#include "support/test_support.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

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

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::path(NEWSDEX_TEST_WORK_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

namespace {

/// The conventional uid and gid of user nobody.
constexpr uid_t nobody_id = 65534;

// Redirects a standard stream of the child to a file; aborts the child on failure.
void redirect(const fs::path& path, int target, int flags) {
    const int fd = ::open(path.c_str(), flags, 0600);
    if (fd < 0 || ::dup2(fd, target) < 0) ::_exit(126);
    ::close(fd);
}

// As root, becomes user and group nobody in the child (before exec): root reads every file,
// so permission tests would prove nothing. The redirections were opened before.
void drop_root() {
    if (::geteuid() != 0) return;
    if (::setgroups(0, nullptr) != 0 || ::setgid(nobody_id) != 0 || ::setuid(nobody_id) != 0)
        ::_exit(125);
}

CommandResult run_child(const std::vector<std::string>& argv, const std::string& input,
                        bool unprivileged) {
    // Files rather than pipes: no deadlock however much the child writes.
    const fs::path dir = fs::path(NEWSDEX_TEST_WORK_DIR) / ("cmd-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path in_path = dir / "stdin", out_path = dir / "stdout", err_path = dir / "stderr";
    std::ofstream(in_path, std::ios::binary) << input;

    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        redirect(in_path, STDIN_FILENO, O_RDONLY);
        redirect(out_path, STDOUT_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
        redirect(err_path, STDERR_FILENO, O_WRONLY | O_CREAT | O_TRUNC);
        if (unprivileged) drop_root();
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const std::string& input) {
    return run_child(argv, input, false);
}

CommandResult run_unprivileged(const std::vector<std::string>& argv, const std::string& input) {
    return run_child(argv, input, true);
}

std::string index_program() {
    return NEWSDEX_INDEX_BIN;
}
std::string search_program() {
    return NEWSDEX_SEARCH_BIN;
}

}  // namespace newsdex::test
