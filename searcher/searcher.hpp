/// @file searcher.hpp
/// @brief The Searcher: opens an index and answers SearchRequests.
#pragma once

#include <xapian.h>

#include <string>

#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

/// Answers ranked (BM25) and faceted searches over one newsdex index.
class Searcher {
  public:
    /// Opens the index in `index_dir`; throws IndexError when it is missing or unreadable.
    explicit Searcher(const std::string& index_dir);
    /// Searches an already open database (used by tests on in-memory indexes).
    explicit Searcher(Xapian::Database db);

    /// Runs a search. Throws QueryError / UsageError for bad requests.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    /// Number of documents in the index.
    [[nodiscard]] std::uint64_t document_count() const;

  private:
    Xapian::Database db_;
};

}  // namespace newsdex::searcher
