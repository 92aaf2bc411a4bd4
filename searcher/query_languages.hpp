/// @file query_languages.hpp
/// @brief The languages a query is stemmed in: those of the index, or one forced.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace newsdex::searcher {

/// One stemmer a query is parsed with, and the documents whose language it applies to.
struct QueryLanguage {
    /// Language codes (the index's `L` terms without the prefix) stemmed this way, sorted;
    /// empty when the query is stemmed in this language alone and applies to every document.
    std::vector<std::string> codes;
    Xapian::Stem stemmer;
};

/// The filter selecting documents in any of `codes`: the OR of their `L` terms.
[[nodiscard]] Xapian::Query language_filter(const std::vector<std::string>& codes);

/// The languages to stem a query in. With `forced` (an ISO 639-1 code or Snowball name) that
/// one alone. Otherwise one per stemmer among the languages the index holds (its `L` terms;
/// codes without a stemmer share the unstemmed one): just one, with no codes, when the index
/// holds a single language or none (then English, what the indexer assumes). Throws
/// UsageError for a forced language without a stemmer.
[[nodiscard]] std::vector<QueryLanguage> query_languages(const Xapian::Database& db,
                                                         const std::string& forced);

}  // namespace newsdex::searcher
