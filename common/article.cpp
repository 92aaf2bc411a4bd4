/// @file article.cpp
/// @brief Names of entity types.
#include "common/article.hpp"

#include "common/text.hpp"

namespace newsdex {

std::string_view to_string(EntityType type) noexcept {
    switch (type) {
        case EntityType::person:
            return "person";
        case EntityType::org:
            return "org";
        case EntityType::place:
            return "place";
    }
    return "place";
}

std::optional<EntityType> parse_entity_type(std::string_view text) noexcept {
    const std::string key = ascii_lower(text);
    if (key == "person" || key == "people" || key == "per") return EntityType::person;
    if (key == "org" || key == "orgs" || key == "organisation" || key == "organization")
        return EntityType::org;
    if (key == "place" || key == "places" || key == "location" || key == "loc" || key == "gpe")
        return EntityType::place;
    return std::nullopt;
}

}  // namespace newsdex
