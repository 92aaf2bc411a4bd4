/// @file facet_selection.hpp
/// @brief Multi-select facets: each facet counted without its own filter, selected values marked.
#pragma once

#include <string>
#include <vector>

#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

/// Whether the request selects values of `facet` through its own filter: source through
/// SearchRequest::sources, category through categories, entity through entities, and person,
/// org or place through entities when every value names that type (`person:volcker`). The
/// date facet has none: --from/--to zoom its histogram into the range they choose. A facet with a
/// selection is counted over the query and every other filter (Solr's tag and exclude,
/// Elasticsearch's post_filter), so that it still shows the values a user could add; the hits and
/// the other facets keep every filter. Filters written in the query text (`source:bbc`) are part of
/// the query, not selections.
[[nodiscard]] bool has_own_filter(const SearchRequest& request, const std::string& facet);

/// The request option that is `facet`'s own filter ("source", "category" or "entity" for the
/// --entity list), or empty when it has none: facets with the same one are counted together.
[[nodiscard]] std::string own_filter(const SearchRequest& request, const std::string& facet);

/// The request that counts `facet` alone over the query and the other filters: its own filter
/// dropped, no hits, no snippets, no collapsing (facets count articles either way).
[[nodiscard]] SearchRequest without_own_filter(const SearchRequest& request,
                                               const std::string& facet);

/// Marks the values of `facet` that its own filter selected (FacetValue::selected): values
/// equal to a selected value, ignoring case, or to a name an alias of one resolved to
/// (`synonyms_used`, e.g. `place:usa` -> "United States").
void mark_selected(Facet& facet, const SearchRequest& request,
                   const std::vector<SynonymUse>& synonyms_used);

}  // namespace newsdex::searcher
