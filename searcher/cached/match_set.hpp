/// @file match_set.hpp
/// @brief MatchSet: every docid a simple query matches, walked from its posting lists.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace newsdex::searcher {

class TermBitmaps;

/// The exact set of documents a query matches, found by walking posting lists directly rather
/// than through Xapian's matcher, which weights every match and (with match spies) makes a
/// Document for each. Exact facets need every match but not its weight: this lets the
/// matcher stop after the page it shows while the facets are counted from these docids.
///
/// Only "simple" queries are walked: terms, MatchAll and MatchNothing joined by OP_OR,
/// OP_AND, OP_AND_NOT, OP_FILTER, OP_AND_MAYBE (its left side) and OP_SCALE_WEIGHT (its
/// subquery). Anything else (phrases, wildcards, value ranges, synonyms...) needs positions
/// or values, and stays with the matcher: see supports().
class MatchSet {
  public:
    /// Whether the walk handles `query` (every node is one of the operators above).
    [[nodiscard]] static bool supports(const Xapian::Query& query);

    /// Walks `query` over `db`; common terms through `bitmaps` when given (a long-lived
    /// Searcher's, of the same revision), else through their posting lists. Throws Error
    /// when !supports(query).
    MatchSet(const Xapian::Database& db, const Xapian::Query& query,
             TermBitmaps* bitmaps = nullptr);

    /// The matching docids, ascending.
    [[nodiscard]] const std::vector<Xapian::docid>& docids() const noexcept { return docids_; }
    /// How many documents match.
    [[nodiscard]] std::size_t size() const noexcept { return docids_.size(); }

  private:
    std::vector<Xapian::docid> docids_;
};

}  // namespace newsdex::searcher
