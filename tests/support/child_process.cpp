/// @file child_process.cpp
/// @brief Child processes for the tests (fork, exec, signal, reap).
#include "support/child_process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/test_support.hpp"

extern char** environ;

namespace newsdex::test {

namespace fs = std::filesystem;

namespace {

// Our environment with `extra` ("NAME=value") added, replacing entries of the same name.
std::vector<std::string> merged_environment(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    const auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        bool replaced = false;
        for (const auto& x : extra) replaced = replaced || name_of(x) == name_of(entry);
        if (!replaced) env.push_back(entry);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
    std::vector<char*> result;
    for (const auto& s : strings) result.push_back(const_cast<char*>(s.c_str()));
    result.push_back(nullptr);
    return result;
}

int decode_status(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// The conventional uid and gid of user nobody.
constexpr uid_t nobody_id = 65534;

/// What the forked child needs, prepared before fork: it may not allocate.
struct ChildSetup {
    char* const* argv;
    char* const* envp;
    const char* in_path;
    const char* out_path;
    const char* err_path;
    const ChildOptions& options;
};

// In the forked child: only async-signal-safe calls until exec, since a test may have threads.
[[noreturn]] void exec_child(const ChildSetup& setup) {
    // O_CLOEXEC: the program gets the three streams (dup2 clears the flag), not these copies.
    const int in = ::open(setup.in_path, O_RDONLY | O_CLOEXEC);
    const int out = ::open(setup.out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int err = ::open(setup.err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    if (const auto& limit_bytes = setup.options.file_size_limit) {
        const rlimit limit{*limit_bytes, *limit_bytes};
        ::signal(SIGXFSZ, SIG_IGN);  // an ignored disposition survives exec
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    // The redirections were opened as root: the child writes its logs wherever they are.
    if (setup.options.unprivileged && ::geteuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(nobody_id) != 0 || ::setuid(nobody_id) != 0))
        ::_exit(125);
    ::execve(setup.argv[0], setup.argv, setup.envp);
    ::_exit(127);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const fs::path& log_prefix,
                           const ChildOptions& options)
    : log_prefix_(log_prefix) {
    // Everything the child needs is prepared before fork.
    const std::vector<std::string> env = merged_environment(options.env);
    std::vector<char*> args = c_strings(argv), envp = c_strings(env);
    const std::string in_path =
        options.stdin_file.empty() ? std::string("/dev/null") : options.stdin_file.string();
    const std::string out_path = log_prefix.string() + ".out";
    const std::string err_path = log_prefix.string() + ".err";
    const ChildSetup setup{args.data(),      envp.data(),      in_path.c_str(),
                           out_path.c_str(), err_path.c_str(), options};
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) exec_child(setup);
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && exit_code_ < 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
}

void ChildProcess::send(int signal) {
    if (exit_code_ < 0) ::kill(pid_, signal);
}

bool ChildProcess::finished() {
    if (exit_code_ >= 0) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
    exit_code_ = decode_status(status);
    return true;
}

bool ChildProcess::wait_for(std::chrono::milliseconds timeout) {
    return wait_until([this] { return finished(); }, timeout);
}

int ChildProcess::wait() {
    while (exit_code_ < 0) {
        int status = 0;
        if (::waitpid(pid_, &status, 0) == pid_)
            exit_code_ = decode_status(status);
        else if (errno != EINTR)
            throw std::runtime_error(std::string("waitpid failed: ") + std::strerror(errno));
    }
    return exit_code_;
}

std::string ChildProcess::out() const {
    return read_file(log_prefix_.string() + ".out");
}
std::string ChildProcess::err() const {
    return read_file(log_prefix_.string() + ".err");
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline) return condition();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

int wait_for_port(ChildProcess& child, const std::string& pattern,
                  std::chrono::milliseconds timeout) {
    const std::regex said(pattern);
    int port = 0;
    (void)wait_until(
        [&] {
            const std::string out = child.out();
            std::smatch match;
            if (!std::regex_search(out, match, said)) return child.finished();
            port = std::stoi(match[1].str());
            return true;
        },
        timeout);
    return port;
}

std::string find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0)
            return (fs::path(dir) / name).string();
    return {};
}

}  // namespace newsdex::test
