/// @file search_parameters.hpp
/// @brief GET /search's parameters as a SearchRequest: the CLI's options under the names of
/// the request's fields (q, source, facet_limit, ...), read with the same rules and limits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "searcher/search_request.hpp"
#include "searcher/server/http_exchange.hpp"

namespace newsdex::server {

/// The request the parameters ask for; relative dates count from `now` unless a `now`
/// parameter says otherwise. Throws RequestError for an unknown parameter, a repeated one
/// that takes one value, or a bad value (what newsdex-search exits 2 for).
[[nodiscard]] searcher::SearchRequest search_request_from(const Parameters& parameters,
                                                          std::int64_t now);

}  // namespace newsdex::server
