/// @file facet_selection.cpp
/// @brief Which filter is a facet's own, the request without it, and the values it selected.
#include "searcher/facet_selection.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "common/article.hpp"
#include "common/text.hpp"

namespace newsdex::searcher {

namespace {

/// The type a typed entity filter value names ("person:volcker"); nullopt for a bare name.
std::optional<EntityType> typed(const std::string& value) {
    const auto colon = value.find(':');
    return colon == std::string::npos ? std::nullopt : parse_entity_type(value.substr(0, colon));
}

/// The name part of an entity filter value or of an entity facet value ("type:name").
std::string name_part(const std::string& value) {
    return typed(value) ? value.substr(value.find(':') + 1) : value;
}

bool is_entity_facet(const std::string& facet) {
    return facet == "entity" || facet == "person" || facet == "org" || facet == "place";
}

/// Whether every entity filter value names the type of the typed facet `facet`.
bool entities_all_of(const SearchRequest& request, const std::string& facet) {
    return !request.entities.empty() &&
           std::all_of(request.entities.begin(), request.entities.end(), [&](const auto& v) {
               const auto type = typed(v);
               return type && to_string(*type) == facet;
           });
}

}  // namespace

std::string own_filter(const SearchRequest& request, const std::string& facet) {
    if (facet == "source" && !request.sources.empty()) return "source";
    if (facet == "category" && !request.categories.empty()) return "category";
    if (facet == "entity" && !request.entities.empty()) return "entity";
    if (is_entity_facet(facet) && entities_all_of(request, facet)) return "entity";
    return {};
}

bool has_own_filter(const SearchRequest& request, const std::string& facet) {
    return !own_filter(request, facet).empty();
}

SearchRequest without_own_filter(const SearchRequest& request, const std::string& facet) {
    SearchRequest counting = request;
    if (facet == "source") counting.sources.clear();
    if (facet == "category") counting.categories.clear();
    if (is_entity_facet(facet)) counting.entities.clear();
    counting.facets = {facet};
    counting.offset = 0;
    counting.limit = 0;
    counting.snippet_length = 0;
    counting.collapse = false;
    counting.explain = false;
    return counting;
}

void mark_selected(Facet& facet, const SearchRequest& request,
                   const std::vector<SynonymUse>& synonyms_used) {
    if (!has_own_filter(request, facet.name)) return;
    const bool entities = is_entity_facet(facet.name);
    const std::vector<std::string>& values = facet.name == "source"     ? request.sources
                                             : facet.name == "category" ? request.categories
                                                                        : request.entities;
    std::set<std::string> selected;
    for (const auto& value : values) selected.insert(ascii_lower(name_part(value)));
    // An alias selects the names it was resolved to.
    for (const auto& use : synonyms_used)
        if (use.field != "text" && selected.count(ascii_lower(name_part(use.from))))
            for (const auto& name : use.to) selected.insert(ascii_lower(name));
    for (auto& v : facet.values)
        v.selected = selected.count(ascii_lower(entities ? name_part(v.value) : v.value)) > 0;
}

}  // namespace newsdex::searcher
