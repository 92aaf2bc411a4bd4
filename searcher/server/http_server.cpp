/// @file http_server.cpp
/// @brief cpp-httplib's Server set up for the API: every request to the SearchService.
#include "searcher/server/http_server.hpp"

#include <httplib.h>

#include "common/error.hpp"
#include "searcher/server/search_service.hpp"

namespace newsdex::server {

namespace {

/// A keep-alive connection holds its thread until it closes, or until this many requests.
constexpr std::size_t keep_alive_requests = 100;

HttpRequest from_httplib(const httplib::Request& in) {
    HttpRequest request;
    request.method = in.method;
    request.path = in.path;
    const auto question = in.target.find('?');
    if (question != std::string::npos)
        request.parameters = query_parameters(std::string_view(in.target).substr(question + 1));
    return request;
}

/// Why cpp-httplib refused a request, by its status.
std::string refusal(int status) {
    switch (status) {
        case 400:
            return "bad request";
        case 413:
            return "request body too large";
        case 414:
            return "request URL too long (8192 bytes at most)";
        case 431:
            return "request headers too large";
        default:
            return "HTTP status " + std::to_string(status);
    }
}

}  // namespace

Parameters query_parameters(std::string_view query) {
    Parameters parameters;
    while (!query.empty()) {
        const std::string_view pair = query.substr(0, query.find('&'));
        query.remove_prefix(std::min(query.size(), pair.size() + 1));
        if (pair.empty()) continue;
        const std::size_t equals = pair.find('=');  // the first: a value may hold '=' (E=mc2)
        const std::string_view name = pair.substr(0, equals);
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        parameters.emplace_back(httplib::detail::decode_url(std::string(name), true),
                                httplib::detail::decode_url(std::string(value), true));
    }
    return parameters;
}

HttpServer::HttpServer(SearchService& service, const HttpServerOptions& options)
    : service_(service), server_(std::make_unique<httplib::Server>()) {
    const std::size_t threads = std::max<std::size_t>(options.connections, 1);
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_payload_max_length(options.max_body_bytes);
    server_->set_keep_alive_max_count(keep_alive_requests);
    // An answer goes out at once: with Nagle's algorithm a small response waits for the
    // client's delayed ACK, 40 ms a request on Linux.
    server_->set_tcp_nodelay(true);
    // Every method and path is the service's to answer (404, 405 included), before
    // cpp-httplib's own routing would read a body or answer with an empty page.
    server_->set_pre_routing_handler([this](const httplib::Request& in, httplib::Response& out) {
        const HttpResponse response = service_.handle(from_httplib(in));
        out.status = response.status;
        out.set_content(response.body, response.content_type.c_str());
        return httplib::Server::HandlerResponse::Handled;
    });
    // What cpp-httplib refuses itself (a request line past its 8 KiB, a body past the limit)
    // gets a JSON body too.
    server_->set_error_handler([](const httplib::Request&, httplib::Response& out) {
        if (!out.body.empty()) return;
        out.set_content("{\"error\": \"" + refusal(out.status) + "\"}\n", "application/json");
    });
    server_->set_exception_handler(
        [](const httplib::Request&, httplib::Response& out, std::exception_ptr) {
            out.status = 500;
            out.set_content("{\"error\": \"internal error\"}\n", "application/json");
        });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
    const int bound = port == 0 ? server_->bind_to_any_port(host)
                                : (server_->bind_to_port(host, port) ? port : -1);
    if (bound < 0)
        throw Error("cannot listen on " + host + ":" + std::to_string(port) +
                    " (in use, or not an address of this machine)");
    return bound;
}

bool HttpServer::run() {
    return server_->listen_after_bind();
}

void HttpServer::stop() {
    server_->stop();
}

}  // namespace newsdex::server
