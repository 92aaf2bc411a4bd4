/// @file http_server.hpp
/// @brief The HTTP side of newsdex-serve: cpp-httplib parses the wire and runs a worker pool,
/// the SearchService answers.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "searcher/server/http_exchange.hpp"

namespace httplib {
class Server;
}

namespace newsdex::server {

class SearchService;

/// A query string's parameters in the order sent, repeats kept, names and values
/// percent-decoded by cpp-httplib ('+' is a space). A value holding '=' keeps it, and a pair
/// without one has an empty value: cpp-httplib's own parser keeps what follows the last '='
/// and drops a repeated pair, either of which would change a search.
[[nodiscard]] Parameters query_parameters(std::string_view query);

/// What the HTTP server accepts.
struct HttpServerOptions {
    /// Connections answered at once, a thread each (cpp-httplib serves a connection on one
    /// thread until it closes); the searches among them wait for one of the service's
    /// searchers, so that a burst of connections costs threads, not caches or cores.
    std::size_t connections = 64;
    /// Largest request body read (the API takes none; a body is read only to be refused).
    std::size_t max_body_bytes = 64 * 1024;
};

/// An HTTP/1.1 server answering every request through a SearchService.
class HttpServer {
  public:
    HttpServer(SearchService& service, const HttpServerOptions& options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds `host:port` (port 0: one the system picks); returns the port bound. Throws
    /// newsdex::Error when the address cannot be bound (in use, not this machine's).
    int bind(const std::string& host, int port);

    /// Answers requests until stop(); returns false when the server failed to run.
    bool run();

    /// Makes run() return once the requests being answered are done; callable from any
    /// thread (not from a signal handler: see newsdex-serve's main).
    void stop();

  private:
    SearchService& service_;
    std::unique_ptr<httplib::Server> server_;
};

}  // namespace newsdex::server
