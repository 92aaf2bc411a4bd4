/// @file searcher.hpp
/// @brief The Searcher: opens an index and answers SearchRequests.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "searcher/facet_counter.hpp"
#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

class QueryBuilder;

/// Answers ranked (BM25) and faceted searches over one newsdex index.
class Searcher {
  public:
    /// Opens the index in `index_dir`; throws IndexError when it is missing or unreadable.
    explicit Searcher(const std::string& index_dir);
    /// Searches an already open database (used by tests on in-memory indexes).
    explicit Searcher(Xapian::Database db);
    ~Searcher();  // out of line: QueryBuilder is complete only in searcher.cpp
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a search. Throws QueryError / UsageError for bad requests.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    /// Counts facets with these spies from now on. Stock spies are what remote shards need
    /// (chosen by themselves when one turns our spies down); forcing them locally lets tests
    /// and benchmarks compare the two.
    void use_facet_spies(FacetSpies spies) noexcept { facet_spies_ = spies; }

    /// Number of documents in the index.
    [[nodiscard]] std::uint64_t document_count() const;

  private:
    /// One search with the facet spies that suit the database (see facet_spies_).
    SearchResult run_counting(const SearchRequest& request);
    /// The query builder for `language` (empty: the index's languages), made on first use
    /// and kept until the language changes or the database is reopened.
    QueryBuilder& builder_for(const std::string& language);

    Xapian::Database db_;
    std::unique_ptr<QueryBuilder> builder_;
    std::string builder_language_;
    /// Our item spies until a remote shard turns them down; stock spies after that.
    FacetSpies facet_spies_ = FacetSpies::items;
};

}  // namespace newsdex::searcher
