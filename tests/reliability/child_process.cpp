/// @file child_process.cpp
/// @brief Background child processes for the reliability tests (fork, exec, signal, reap).
#include "reliability/child_process.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
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

// In the forked child: only async-signal-safe calls until exec, since a test may have threads.
[[noreturn]] void exec_child(char* const* argv, char* const* envp, const char* out_path,
                             const char* err_path, const ChildOptions& options) {
    const int null_in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (null_in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(null_in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    if (options.file_size_limit) {
        const rlimit limit{*options.file_size_limit, *options.file_size_limit};
        ::signal(SIGXFSZ, SIG_IGN);  // an ignored disposition survives exec
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    ::execve(argv[0], argv, envp);
    ::_exit(127);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const fs::path& log_prefix,
                           const ChildOptions& options)
    : log_prefix_(log_prefix) {
    // Everything the child needs is prepared before fork.
    const std::vector<std::string> env = merged_environment(options.env);
    std::vector<char*> args = c_strings(argv), envp = c_strings(env);
    const std::string out_path = log_prefix.string() + ".out";
    const std::string err_path = log_prefix.string() + ".err";
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0)
        exec_child(args.data(), envp.data(), out_path.c_str(), err_path.c_str(), options);
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

std::string find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0)
            return (fs::path(dir) / name).string();
    return {};
}

}  // namespace newsdex::test
