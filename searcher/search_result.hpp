/// @file search_result.hpp
/// @brief The result model: hits with stored fields and snippets, and exact facet counts.
#pragma once

#include <cstdint>
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

/// The answer to a SearchRequest.
struct SearchResult {
    std::uint64_t total = 0;   ///< number of matching documents (estimate unless exact)
    bool total_exact = false;  ///< whether `total` is exact
    std::uint32_t offset = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;      ///< in the order requested
    std::string query_description;  ///< Xapian::Query::get_description() of what ran
    /// With SearchRequest::explain: the query that ran, in the query language (explain_query()).
    std::string parsed_query;
    /// What the query was read as where a user might expect otherwise, in words for people.
    std::vector<std::string> notices;
};

}  // namespace newsdex::searcher
