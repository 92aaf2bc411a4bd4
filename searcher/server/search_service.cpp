/// @file search_service.cpp
/// @brief Routing, the answers of each endpoint, and errors as JSON bodies.
#include "searcher/server/search_service.hpp"

#include <xapian.h>

#include <chrono>

#include "common/error.hpp"
#include "common/json_writer.hpp"
#include "searcher/request_values.hpp"
#include "searcher/result_format.hpp"
#include "searcher/server/search_parameters.hpp"
#include "searcher/server/web_assets.hpp"

namespace newsdex::server {

namespace {

/// `{"error": message, key: value}` with `status`.
HttpResponse error_response(int status, const std::string& message, const char* key = nullptr,
                            const std::string& text = {}, std::uint64_t number = 0,
                            bool is_number = false) {
    JsonWriter json;
    json.begin_object().key("error").value(message);
    if (key) {
        json.key(key);
        if (is_number)
            json.value(number);
        else
            json.value(text);
    }
    json.end_object();
    return {status, "application/json", json.str() + "\n"};
}

/// What a client sent wrongly, or what went wrong reading the index, as a response.
HttpResponse response_for_current_exception() {
    try {
        throw;
    } catch (const QueryError& e) {
        return error_response(400, e.what(), "position", {}, e.position() + 1, true);
    } catch (const RequestError& e) {
        // A request field is named as its parameter (facet_limit), the query's text being
        // a QueryError's.
        return error_response(400, e.worded([](std::string_view f) { return std::string(f); }),
                              "parameter", e.field());
    } catch (const UsageError& e) {
        return error_response(400, e.what());
    } catch (const Xapian::Error& e) {
        return error_response(500, e.get_description());
    } catch (const std::exception& e) {
        return error_response(500, e.what());
    }
}

constexpr std::string_view document_path = "/document/";

}  // namespace

SearchService::SearchService(std::string index_dir, std::size_t searchers)
    : index_dir_(std::move(index_dir)), pool_(index_dir_, searchers) {}

HttpResponse SearchService::handle(const HttpRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    std::string endpoint = "other";
    HttpResponse response;
    try {
        response = route(request, endpoint);
    } catch (...) {
        response = response_for_current_exception();
    }
    const std::chrono::duration<double> taken = std::chrono::steady_clock::now() - start;
    metrics_.record(endpoint, response.status, taken.count());
    return response;
}

HttpResponse SearchService::route(const HttpRequest& request, std::string& endpoint) {
    const std::string& path = request.path;
    if (path == "/search")
        endpoint = "search";
    else if (path.starts_with(document_path) && path.size() > document_path.size())
        endpoint = "document";
    else if (path == "/health")
        endpoint = "health";
    else if (path == "/metrics")
        endpoint = "metrics";
    else if (web_asset(path))
        endpoint = "page";
    else
        return error_response(404, "no such endpoint: " + path +
                                       " (GET /, /search, /document/ID, /health, /metrics)");
    if (request.method != "GET" && request.method != "HEAD")
        return error_response(405, request.method + " is not allowed here: use GET");
    // The page's own parameters are its state, read by its script.
    if (endpoint != "search" && endpoint != "page" && !request.parameters.empty())
        return error_response(400,
                              "unknown parameter '" + request.parameters.front().first + "' (" +
                                  path + " takes none)",
                              "parameter", request.parameters.front().first);
    if (endpoint == "search") return search(request);
    if (endpoint == "document") return document(path.substr(document_path.size()));
    if (endpoint == "health") return health();
    if (endpoint == "page") {
        const WebAsset asset = *web_asset(path);
        return {200, std::string(asset.content_type), std::string(asset.body)};
    }
    return metrics();
}

HttpResponse SearchService::search(const HttpRequest& request) {
    const searcher::SearchRequest search_request =
        search_request_from(request.parameters, searcher::clock_now());
    const auto searcher = pool_.borrow();
    return {200, "application/json", searcher::format_json(searcher->search(search_request))};
}

HttpResponse SearchService::document(const std::string& id) {
    const auto searcher = pool_.borrow();
    const auto fields = searcher->document(id);
    if (!fields)
        return error_response(404, "no document with id '" + id + "' in this index", "id", id);
    return {200, "application/json", searcher::format_document_json(*fields)};
}

ServerMetrics::IndexState SearchService::index_state() {
    const auto searcher = pool_.borrow();  // moved to what the index holds now
    return {searcher->document_count(), searcher->revision()};
}

HttpResponse SearchService::health() {
    const ServerMetrics::IndexState index = index_state();
    JsonWriter json;
    json.begin_object();
    json.key("status").value("ok");
    json.key("index").value(index_dir_);
    json.key("documents").value(index.documents);
    json.key("revision").value(index.revision);
    json.end_object();
    return {200, "application/json", json.str() + "\n"};
}

HttpResponse SearchService::metrics() {
    return {200, "text/plain; version=0.0.4", metrics_.prometheus_text(index_state())};
}

}  // namespace newsdex::server
