/// @file request_values.hpp
/// @brief The values of a SearchRequest's fields as written by a user, read the same way by
/// every front end (newsdex-search's options, newsdex-serve's parameters).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/search_request.hpp"

namespace newsdex::searcher {

// Each throws a RequestError naming its field ("sort", "date_bucket", "now"), so that each
// program words it as its own (--sort, sort=).

/// "relevance", "newest" or "oldest".
[[nodiscard]] SortOrder parse_sort_order(std::string_view text);

/// "auto", "day", "month" or "year".
[[nodiscard]] DateBucket parse_date_bucket(std::string_view text);

/// The moment relative dates count from: any date parse_date() reads ("1987-03-31",
/// "1987-03-31T12:00:00Z"), as UTC seconds.
[[nodiscard]] std::int64_t parse_now(std::string_view text);

/// The clock's now, UTC seconds: what relative dates count from unless a request says.
[[nodiscard]] std::int64_t clock_now();

/// Facet names given as "source,date" or repeated, as one list (blanks dropped).
[[nodiscard]] std::vector<std::string> split_facet_names(const std::vector<std::string>& values);

}  // namespace newsdex::searcher
