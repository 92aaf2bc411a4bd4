/// @file search_limits.cpp
/// @brief Checks a SearchRequest against the search limits before any index work.
#include "searcher/search_limits.hpp"

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace newsdex::searcher::limits {

namespace {

/// A byte of a word: ASCII letters and digits, and any byte of a multi-byte UTF-8 character.
bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/// Where the words and trailing wildcards of a query are, and the first word past a count.
struct WordCount {
    std::size_t words = 0;
    std::size_t wildcards = 0;
    std::size_t word_past_limit = 0;      // byte offset of word max_query_terms + 1
    std::size_t wildcard_past_limit = 0;  // byte offset of wildcard max_wildcards + 1
};

WordCount count_words(std::string_view query) {
    WordCount count;
    std::size_t i = 0;
    while (i < query.size()) {
        if (!is_word_byte(static_cast<unsigned char>(query[i]))) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < query.size() && is_word_byte(static_cast<unsigned char>(query[i]))) ++i;
        if (i < query.size() && query[i] == ':') continue;  // a field name, e.g. `title:`
        if (++count.words == max_query_terms + 1) count.word_past_limit = start;
        if (i < query.size() && query[i] == '*' && ++count.wildcards == max_wildcards + 1)
            count.wildcard_past_limit = start;
    }
    return count;
}

void check_query(const std::string& query) {
    // Terms before bytes: a query is mostly long for its many terms, the likelier fix.
    const WordCount count = count_words(query);
    if (count.words > max_query_terms)
        throw QueryError(query, count.word_past_limit,
                         "the query has " + std::to_string(count.words) + " terms; the limit is " +
                             std::to_string(max_query_terms));
    if (query.size() > max_query_bytes)
        throw QueryError(query, max_query_bytes,
                         "the query is " + std::to_string(query.size()) +
                             " bytes long; the limit is " + std::to_string(max_query_bytes));
    if (count.wildcards > max_wildcards)
        throw QueryError(query, count.wildcard_past_limit,
                         "the query has " + std::to_string(count.wildcards) +
                             " wildcards; the limit is " + std::to_string(max_wildcards) +
                             " (each expands to up to " + std::to_string(max_wildcard_terms) +
                             " terms)");
}

}  // namespace

void check(const SearchRequest& request) {
    check_query(request.query);
    const std::uint64_t window = std::uint64_t{request.offset} + request.limit;
    if (window > max_result_window)
        throw RequestError(
            "offset", std::to_string(request.offset), max_result_window,
            {{"offset", true},
             {" " + std::to_string(request.offset) + " + "},
             {"limit", true},
             {" " + std::to_string(request.limit) + " reaches hit " + std::to_string(window) +
              "; the result window is " + std::to_string(max_result_window) +
              " hits (narrow the query instead)"}});
    if (request.facet_limit > max_facet_limit)
        throw RequestError(
            "facet_limit", std::to_string(request.facet_limit), max_facet_limit,
            {{"facet_limit", true},
             {" " + std::to_string(request.facet_limit) + " is over the limit of " +
              std::to_string(max_facet_limit) + " values per facet (0 shows them all)"}});
}

}  // namespace newsdex::searcher::limits
