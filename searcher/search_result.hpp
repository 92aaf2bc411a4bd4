/// @file search_result.hpp
/// @brief The result model: hits with stored fields and snippets, and exact facet counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/article.hpp"

namespace newsdex::searcher {

/// One ranked result.
struct Hit {
    std::uint32_t rank = 0;  ///< 1-based position in the whole result list
    std::string id;
    std::string title;
    std::string source;
    std::string date;            ///< ISO-8601, empty when unknown
    bool date_inferred = false;  ///< the date was worked out (e.g. from a scraped page's text)
    std::string url;
    double score = 0;
    std::string snippet;  ///< matched terms wrapped in "[[" and "]]"
    std::vector<Entity> entities;
    std::vector<std::string> categories;
};

/// One value of a facet and how many matching documents have it.
struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
};

/// Counts of one facet over all matching documents.
struct Facet {
    std::string name;                ///< "source", "date", "entity", ...
    std::string bucket;              ///< for "date": "day", "month" or "year"; empty otherwise
    std::vector<FacetValue> values;  ///< largest first; chronological for "date"
    std::uint64_t other_values = 0;  ///< distinct values left out by the facet limit
};

/// "Did you mean": the query with its misspelt words corrected, and how many documents that
/// query matches (under the same filters).
struct Suggestion {
    std::string query;
    std::uint64_t total = 0;
};

/// The answer to a SearchRequest.
struct SearchResult {
    std::uint64_t total = 0;   ///< number of matching documents (estimate unless exact)
    bool total_exact = false;  ///< whether `total` is exact
    std::uint32_t offset = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;      ///< in the order requested
    std::string query_description;  ///< Xapian::Query::get_description() of what ran
    /// A corrected query, when this one has few matches or none and a correction has more
    /// (see spelling_suggester.hpp); none otherwise, and always over remote shards.
    std::optional<Suggestion> suggestion;
};

}  // namespace newsdex::searcher
