/// @file served_index.hpp
/// @brief newsdex-serve started by a test on 127.0.0.1 (a port the system picks, read from
/// what it prints), and an HTTP client for it; stopped by its pid with SIGTERM.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"

namespace newsdex::test {

/// What an HTTP request got back.
struct HttpAnswer {
    int status = -1;  ///< -1: no answer (connection refused, timed out)
    std::string body;
    std::string content_type;
};

/// A running newsdex-serve over `index_dir`.
class ServedIndex {
  public:
    /// Starts it and waits (10 s at most) until it says where it listens; REQUIREs that it
    /// does. `extra` options go after -d DIR and --listen.
    ServedIndex(const std::filesystem::path& index_dir, const std::string& log_name,
                const std::vector<std::string>& extra = {});
    /// Stops it (SIGTERM) if stop() was not called.
    ~ServedIndex();
    ServedIndex(const ServedIndex&) = delete;
    ServedIndex& operator=(const ServedIndex&) = delete;

    [[nodiscard]] int port() const noexcept { return port_; }
    /// "http://127.0.0.1:PORT".
    [[nodiscard]] std::string base_url() const;

    /// GET `target` (path and query string, already encoded), 10 s at most.
    [[nodiscard]] HttpAnswer get(const std::string& target) const;
    /// Any method, with a body.
    [[nodiscard]] HttpAnswer request(const std::string& method, const std::string& target,
                                     const std::string& body = {}) const;

    /// SIGTERM, then waits (10 s at most); returns the exit code (-1: still running).
    int stop();

  private:
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
    bool stopped_ = false;
};

/// `text` percent-encoded for a query string value (RFC 3986 unreserved kept).
[[nodiscard]] std::string url_encode(const std::string& text);

}  // namespace newsdex::test
