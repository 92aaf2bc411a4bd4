/// @file query_builder.hpp
/// @brief Turns a SearchRequest's query string and filters into one Xapian::Query.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "searcher/filter_resolver.hpp"
#include "searcher/search_request.hpp"

namespace newsdex::searcher {

/// The documents of copy cluster `key` (`cluster:KEY`): a value query on the cluster slot,
/// which only stories with copies have, so it is short and runs on remote shards too.
[[nodiscard]] Xapian::Query cluster_query(const std::string& key);

/// Builds queries with Xapian's QueryParser, configured from the schema registry:
/// free text (every word, phrase and NEAR stemmed to the index's `Z` terms, in each language of
/// the index: the OR of one parse per language, each filtered to that language's documents),
/// AND/OR/NOT, trailing wildcards (over the stems), `title:` (probabilistic, `ZS`), and
/// boolean fields `source:`, `cluster:`, `entity:`, `person:`, `org:`, `place:`, `category:`, `id:`
/// and `date:` (`1987`, `1987-03`, `1987-03-26`, or `A..B`). Option filters (sources, entities,
/// categories, from/to) are combined with OP_FILTER.
class QueryBuilder {
  public:
    /// `db` gives the languages to stem in (see query_languages()) and expands wildcards;
    /// `language` (an ISO 639-1 code or Snowball name) forces one, empty: those of the index.
    QueryBuilder(const Xapian::Database& db, const std::string& language);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// The whole query of a request: parsed text (or match-all) filtered by its options.
    /// Throws QueryError (with the position) when the text does not parse, UsageError for a
    /// bad filter value (e.g. --from 1987-13).
    [[nodiscard]] Xapian::Query build(const SearchRequest& request);

    /// What the last build() noticed: filter values naming nothing in the index, and the
    /// aliases and synonyms it widened the query with.
    [[nodiscard]] const QueryNotes& notes() const noexcept;

    /// The query-string part alone; match-all for an empty string or a lone `*`.
    [[nodiscard]] Xapian::Query parse(const std::string& query_string);

    /// The stemmer of the first (often the only) query language.
    [[nodiscard]] const Xapian::Stem& stemmer() const noexcept;

    /// The stemmer the query uses for documents in language `code` (for their snippets).
    [[nodiscard]] const Xapian::Stem& stemmer_for(const std::string& code) const noexcept;

  private:
    /// The prepared `text` of `query_string` parsed in each query language (see parse()).
    Xapian::Query parse_text(const std::string& text, const std::string& query_string,
                             unsigned flags);

    /// One parse of prepared `text`, with Xapian's and our field errors turned into QueryError
    /// positioned in `query_string`, the query as written.
    Xapian::Query parse_with(Xapian::QueryParser& parser, const std::string& text,
                             const std::string& query_string, unsigned flags);

    struct State;  // the parsers, and what their field processors share (query_builder.cpp)
    std::unique_ptr<State> state_;
};

}  // namespace newsdex::searcher
