/// @file served_index.cpp
/// @brief Starting, asking and stopping newsdex-serve from a test.
#include "support/served_index.hpp"

#include <httplib.h>

#include <catch2/catch.hpp>
#include <csignal>

#include "support/test_support.hpp"

namespace newsdex::test {

namespace {

constexpr std::chrono::seconds start_timeout{10};
constexpr std::chrono::seconds stop_timeout{10};

}  // namespace

ServedIndex::ServedIndex(const std::filesystem::path& index_dir, const std::string& log_name,
                         const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {serve_program(), "-d", index_dir.string(), "--listen",
                                     "127.0.0.1:0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    process_ = std::make_unique<ChildProcess>(argv, fresh_dir(log_name) / "serve");
    port_ = wait_for_port(*process_, R"(listening on http://127\.0\.0\.1:(\d+)/)", start_timeout);
    INFO("newsdex-serve's stderr: " << process_->err());
    REQUIRE(port_ > 0);
}

ServedIndex::~ServedIndex() {
    if (!stopped_) (void)stop();
}

std::string ServedIndex::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

HttpAnswer ServedIndex::request(const std::string& method, const std::string& target,
                                const std::string& body) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(10);
    client.set_read_timeout(10);
    // Targets are sent as written: the client would otherwise encode '+' as %2B.
    client.set_url_encode(false);
    httplib::Result result = method == "GET"    ? client.Get(target.c_str())
                             : method == "POST" ? client.Post(target.c_str(), body, "text/plain")
                             : method == "PUT"  ? client.Put(target.c_str(), body, "text/plain")
                                                : client.Delete(target.c_str());
    if (!result) return {};
    return {result->status, result->body, result->get_header_value("Content-Type")};
}

HttpAnswer ServedIndex::get(const std::string& target) const {
    return request("GET", target);
}

int ServedIndex::stop() {
    stopped_ = true;
    process_->send(SIGTERM);
    if (!process_->wait_for(stop_timeout)) return -1;
    return process_->exit_code();
}

std::string url_encode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace newsdex::test
