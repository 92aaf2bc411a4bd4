/// @file query_builder.hpp
/// @brief Turns a SearchRequest's query string and filters into one Xapian::Query.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "searcher/search_request.hpp"

namespace newsdex::searcher {

/// Builds queries with Xapian's QueryParser, configured from the schema registry:
/// free text (stemmed, STEM_SOME), AND/OR/NOT/NEAR, phrases, trailing wildcards,
/// `title:` (probabilistic), and boolean fields `source:`, `entity:`, `person:`, `org:`,
/// `place:`, `category:`, `id:` and `date:` (`1987`, `1987-03`, `1987-03-26`, or `A..B`).
/// Option filters (sources, entities, categories, from/to) are combined with OP_FILTER.
class QueryBuilder {
  public:
    /// `db` is used for wildcard expansion; `language` is a Snowball stemmer name.
    QueryBuilder(const Xapian::Database& db, const std::string& language);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// The whole query of a request: parsed text (or match-all) filtered by its options.
    /// Throws QueryError (with the position) when the text does not parse, UsageError for a
    /// bad filter value (e.g. --from 1987-13).
    [[nodiscard]] Xapian::Query build(const SearchRequest& request);

    /// The query-string part alone; match-all for an empty string.
    [[nodiscard]] Xapian::Query parse(const std::string& query_string);

    /// The stemmer in use (for snippets).
    [[nodiscard]] const Xapian::Stem& stemmer() const noexcept { return stemmer_; }

  private:
    struct State;  // what the field processors share with the builder (query_builder.cpp)
    Xapian::Stem stemmer_;
    Xapian::QueryParser parser_;
    std::unique_ptr<State> state_;
};

}  // namespace newsdex::searcher
