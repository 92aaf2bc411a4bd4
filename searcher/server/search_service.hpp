/// @file search_service.hpp
/// @brief newsdex-serve's API, apart from HTTP's wire: GET /search, /document/ID, /health and
/// /metrics answered from a pool of cached Searchers, and the search page at /.
#pragma once

#include <cstddef>
#include <string>

#include "searcher/server/http_exchange.hpp"
#include "searcher/server/searcher_pool.hpp"
#include "searcher/server/server_metrics.hpp"

namespace newsdex::server {

/// Answers the API's requests; safe to call from several threads at once.
///
/// GET /search answers exactly what `newsdex-search --json` prints for the same request
/// (search_parameters.hpp names the parameters). An error is a JSON object with "error" (the
/// message, naming parameters as a client writes them) and, for a query that does not parse,
/// "position" (1-based byte in q) or, for a bad parameter, "parameter": status 400 for a bad
/// request, 404 for an unknown path or id, 405 for a method other than GET, 500 when the index
/// cannot be read.
class SearchService {
  public:
    /// Opens the index once per Searcher (`searchers`: as many as the server's threads);
    /// throws IndexError when it is missing or unreadable.
    SearchService(std::string index_dir, std::size_t searchers);

    /// One request's answer. Never throws for anything a client sends.
    [[nodiscard]] HttpResponse handle(const HttpRequest& request);

    [[nodiscard]] const std::string& index_dir() const noexcept { return index_dir_; }

  private:
    HttpResponse route(const HttpRequest& request, std::string& endpoint);
    HttpResponse search(const HttpRequest& request);
    HttpResponse document(const std::string& id);
    /// The index's document count and revision, as a searcher sees it now.
    ServerMetrics::IndexState index_state();
    HttpResponse health();
    HttpResponse metrics();

    std::string index_dir_;
    SearcherPool pool_;
    ServerMetrics metrics_;
};

}  // namespace newsdex::server
