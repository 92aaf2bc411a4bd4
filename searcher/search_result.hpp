/// @file search_result.hpp
/// @brief The result model: hits with stored fields and snippets, and exact facet counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/article.hpp"

namespace newsdex::searcher {

/// Another copy of a hit's story (syndicated, repeated) that the query matches.
struct Copy {
    std::string id;
    std::string source;
    std::string date;  ///< as Hit::date
};

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
    std::string cluster;  ///< the story's cluster key (`cluster:KEY`) when it has copies
    /// The other matching copies of this story, collapsed into this hit: how many, and the
    /// first of them by date.
    std::uint64_t copy_count = 0;
    std::vector<Copy> copies;
};

/// One value of a facet and how many matching documents have it.
struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
    bool selected = false;  ///< chosen by the request's own filter of this facet
};

/// Counts of one facet over all matching documents.
struct Facet {
    std::string name;                ///< "source", "date", "entity", ...
    std::string bucket;              ///< for "date": "day", "month" or "year"; empty otherwise
    std::vector<FacetValue> values;  ///< largest first; chronological for "date"
    std::uint64_t other_values = 0;  ///< distinct values left out by the facet limit
    /// For "date": the matching documents without a date, which no bucket counts (the total
    /// is the buckets' sum plus these). 0 for the other facets.
    std::uint64_t undated = 0;
};

/// Something a user should know about how the request was read, e.g. a filter value that names
/// nothing in the index (the request still ran: it matches nothing through that value).
struct Notice {
    std::string field;    ///< "place", "source", ... (a query field or an option's name)
    std::string value;    ///< as written
    std::string message;  ///< `no place "atlantis" in this index`
};

/// A name the query was widened with: a filter value's alias, or a free-text synonym.
struct SynonymUse {
    std::string field;            ///< "text" for free text; else the filter ("place", "entity")
    std::string from;             ///< as written (text: the synonym table's spelling)
    std::vector<std::string> to;  ///< what it also matched: "united states", "usa"
};

/// "Did you mean": the query with its misspelt words corrected, and how many documents that
/// query matches (under the same filters).
struct Suggestion {
    std::string query;
    std::uint64_t total = 0;
};

/// The answer to a SearchRequest.
struct SearchResult {
    /// Number of matching documents (estimate unless exact): articles, copies included, as
    /// the facets count them, whether or not hits are collapsed to one per story.
    std::uint64_t total = 0;
    bool total_exact = false;  ///< whether `total` is exact
    std::uint32_t offset = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;      ///< in the order requested
    std::string query_description;  ///< Xapian::Query::get_description() of what ran
    /// With SearchRequest::explain: the query that ran, in the query language (explain_query()).
    std::string parsed_query;
    /// What the query was read as where a user might expect otherwise (a query in capitals,
    /// a filter value naming nothing in the index), in the order they were found.
    std::vector<Notice> notices;
    std::vector<SynonymUse> synonyms_used;  ///< aliases and synonyms that widened the query
    /// A corrected query, when this one has few matches or none and a correction has more
    /// (see spelling_suggester.hpp); none otherwise, and always over remote shards.
    std::optional<Suggestion> suggestion;
};

}  // namespace newsdex::searcher
