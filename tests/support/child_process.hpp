/// @file child_process.hpp
/// @brief A program run by a test: in the background (signal, poll, wait) or to its end.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::test {

/// How to start a ChildProcess beyond its argv.
struct ChildOptions {
    std::vector<std::string> env;  ///< "NAME=value" entries added to (or replacing) ours
    /// Limit on the size of any file the child writes (RLIMIT_FSIZE); SIGXFSZ is then ignored
    /// so that the write fails with EFBIG instead of killing the child.
    std::optional<unsigned long> file_size_limit;
    /// What the child reads on stdin; /dev/null when empty.
    std::filesystem::path stdin_file;
    /// When the tests run as root, the child runs as user nobody (65534), for whom file
    /// permissions apply: root reads every file, so permission tests would prove nothing.
    bool unprivileged = false;
};

/// A started program whose stdout and stderr go to `<log_prefix>.out` and `.err`. The
/// destructor kills (SIGKILL) and reaps it if it still runs, so a failing test leaves no
/// orphan writer behind.
class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_prefix,
                 const ChildOptions& options = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Sends `signal` unless the child has been reaped already.
    void send(int signal);
    /// Whether the child has ended (reaping it when it has).
    [[nodiscard]] bool finished();
    /// Waits up to `timeout` for the child to end; false when it still runs.
    [[nodiscard]] bool wait_for(std::chrono::milliseconds timeout);
    /// Waits for the child to end, however long it takes; returns exit_code().
    int wait();
    /// Exit status, or 128 + signal when killed; -1 while running.
    [[nodiscard]] int exit_code() const { return exit_code_; }
    [[nodiscard]] std::string out() const;
    [[nodiscard]] std::string err() const;

  private:
    pid_t pid_ = -1;
    int exit_code_ = -1;
    std::filesystem::path log_prefix_;
};

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns its last value.
[[nodiscard]] bool wait_until(const std::function<bool()>& condition,
                              std::chrono::milliseconds timeout);

/// The port a server child says it listens on: waits up to `timeout` for its stdout to match
/// `pattern`, whose first group is the port. 0 when the child ended first or time ran out.
[[nodiscard]] int wait_for_port(ChildProcess& child, const std::string& pattern,
                                std::chrono::milliseconds timeout);

/// The full path of `name` found on PATH, or empty.
[[nodiscard]] std::string find_on_path(const std::string& name);

}  // namespace newsdex::test
