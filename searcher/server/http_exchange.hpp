/// @file http_exchange.hpp
/// @brief An HTTP request and response as the search service sees them, apart from any
/// HTTP library (which parses the wire: see http_server.hpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace newsdex::server {

/// A request's query parameters in the order given; a name may repeat (`source=a&source=b`).
using Parameters = std::vector<std::pair<std::string, std::string>>;

/// What the service is asked: method, path (decoded, without the query string), parameters.
struct HttpRequest {
    std::string method = "GET";
    std::string path;
    Parameters parameters;
};

/// What it answers.
struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
};

}  // namespace newsdex::server
