/// @file result_format.hpp
/// @brief Renders a SearchResult as text for people or as JSON for scripts.
#pragma once

#include <string>

#include "common/stored_fields.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

/// How text output looks.
struct TextStyle {
    bool color = false;  ///< bold highlights and headings (ANSI); off when piped or NO_COLOR
};

/// A human-readable page of results followed by the facets.
[[nodiscard]] std::string format_text(const SearchResult& result, const TextStyle& style);

/// One JSON object: total, total_exact, offset, hits[], facets{} (see README "JSON output").
[[nodiscard]] std::string format_json(const SearchResult& result);

/// One article's stored fields as JSON, its whole text as "body" (newsdex-serve's
/// GET /document/ID): the fields of a hit that belong to the article (no rank, score, snippet).
[[nodiscard]] std::string format_document_json(const StoredFields& fields);

}  // namespace newsdex::searcher
