/// @file query_text.hpp
/// @brief Internal: a query string checked and marked for Xapian's QueryParser.
#pragma once

#include <optional>
#include <string>

namespace newsdex::searcher {

/// A query string as QueryBuilder hands it to the parser.
struct PreparedQuery {
    /// The query with its free text marked as the indexer marks articles (dotted acronyms,
    /// elisions: mark_word_boundaries()) and its wildcard patterns accent-folded; field values
    /// (`place:"U.S."`) as written. Up to its first wildcard, positions are the query's.
    std::string text;
    /// Written wholly in capitals (a headline: `NOT GUILTY PLEA`): AND, OR, NOT ... are words.
    bool capitals = false;
    /// When every part of the query is negated (`-oil -opec`): `text` without the `-` signs.
    /// The query means every document without them; Xapian would find those with them.
    std::optional<std::string> negated;
};

/// Checks a query for what Xapian's parser would silently misread and prepares it.
/// Throws QueryError, with the position and what to write instead, for a wildcard newsdex
/// cannot run (`coff?e`, `*oil`, `co*ee`, `"oil pri*"`), an unknown field (`foo:bar`,
/// `Source:x`) and a `-` that Xapian would ignore (`-(oil gas)`, `(-oil)`).
[[nodiscard]] PreparedQuery prepare_query(const std::string& query);

/// The fields the parser knows, as a query writes them ("title", "source", ...).
[[nodiscard]] const char* known_fields() noexcept;

}  // namespace newsdex::searcher
