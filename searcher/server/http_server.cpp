/// @file http_server.cpp
/// @brief cpp-httplib's Server set up for the API: every request to the SearchService.
#include "searcher/server/http_server.hpp"

#include <httplib.h>

#include "common/error.hpp"
#include "searcher/server/search_service.hpp"

namespace newsdex::server {

namespace {

/// A keep-alive connection holds its worker until it closes: a few requests each let a
/// pool of two threads take turns among many clients.
constexpr std::size_t keep_alive_requests = 20;

HttpRequest from_httplib(const httplib::Request& in) {
    HttpRequest request;
    request.method = in.method;
    request.path = in.path;
    // A multimap: a repeated name keeps its values in the order sent.
    request.parameters.assign(in.params.begin(), in.params.end());
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

HttpServer::HttpServer(SearchService& service, const HttpServerOptions& options)
    : service_(service), server_(std::make_unique<httplib::Server>()) {
    const std::size_t threads = std::max<std::size_t>(options.threads, 1);
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_payload_max_length(options.max_body_bytes);
    server_->set_keep_alive_max_count(keep_alive_requests);
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
