/// @file search_limits.hpp
/// @brief The limits a search request must keep to, in one place: past them the searcher
/// says which limit and why, instead of running for minutes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "searcher/search_request.hpp"

namespace newsdex::searcher::limits {

/// Bytes of query text. Xapian's parser and our diagnosis are linear in it, but a megabyte
/// of query is a mistake (a file passed as a query), not a search.
constexpr std::size_t max_query_bytes = 16 * 1024;

/// Words in a query (runs of letters and digits; a `field:` name is not one). Each word is a
/// posting list the match reads, once per language of the index: the time grows with their
/// number (bench/RESULTS.md, query limits).
constexpr std::size_t max_query_terms = 1024;

/// Trailing wildcards (`petro*`) in a query. Each expands to up to max_wildcard_terms terms,
/// so a query of many short wildcards would be a query of tens of thousands of terms
/// (bench/RESULTS.md, query limits).
constexpr std::size_t max_wildcards = 4;

/// Terms one wildcard expands to at most: the most frequent ones, so `a*` stays cheap.
constexpr std::uint32_t max_wildcard_terms = 1000;

/// The deepest hit a request may ask for (`--offset` + `--limit`): the match keeps every hit
/// up to it in memory, and a deeper page of a ranked list is never what a reader wants.
constexpr std::uint64_t max_result_window = 10'000;

/// Values per facet a request may ask for (`--facet-limit`); 0 still means all of them.
constexpr std::uint32_t max_facet_limit = 1'000;

/// Throws the error of the first limit `request` is over: QueryError, with the position, for
/// the query text; RequestError, with the field and the limit, for the page and the facets.
void check(const SearchRequest& request);

}  // namespace newsdex::searcher::limits
