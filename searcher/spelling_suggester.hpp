/// @file spelling_suggester.hpp
/// @brief "Did you mean": a query with its misspelt words corrected from the spelling data.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

/// A query with few matches or none gets a suggestion looked up (see wants_suggestion): more
/// matches than this, and it is left alone, so the usual search does no spelling work at all.
inline constexpr std::uint64_t kFewMatches = 5;

/// Whether a search asks for a suggestion: its query has text and at most kFewMatches matches.
[[nodiscard]] bool wants_suggestion(const SearchRequest& request, const SearchResult& result);

/// `query` with every word the index's spelling data (written by newsdex-index, see
/// docs/schema.md) spells otherwise corrected, or nothing when no word needs correcting.
/// Xapian's Database::get_spelling_suggestion (edit distance up to 2) proposes each
/// correction of a word used fewer than kWellUsed times; one is taken only when the word is
/// absent from the spelling data or the correction is kSpellingRatio times as frequent. Words
/// looked up are the free-text words and those of title: (not operators, other fields' values,
/// wildcards or words with digits); the rest of the query is kept as written, and a capitalised
/// word stays capitalised. Over remote shards the spelling data cannot be read (Xapian 1.4's remote
/// backend does not send it), so there is never a suggestion, and no error.
[[nodiscard]] std::optional<std::string> corrected_query(const Xapian::Database& db,
                                                         std::string_view query);

/// How much more frequent a correction must be than a word the spelling data holds.
inline constexpr Xapian::doccount kSpellingRatio = 20;

/// A word the spelling data holds this often (occurrences) is taken as spelt right and not
/// looked up: on Reuters, "Volker" occurs 2 times, "Japn" 4; "benetton" 23, "chem" 24.
inline constexpr Xapian::doccount kWellUsed = 10;

}  // namespace newsdex::searcher
