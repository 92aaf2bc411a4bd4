/// @file schema.cpp
/// @brief Term construction for the prefix registry.
#include "common/schema.hpp"

#include "common/text.hpp"

namespace newsdex::schema {

std::string make_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    // Omega's rule: a ':' keeps "XPaul" from reading as prefix "XPA" + "ul".
    if (!value.empty() && value.front() >= 'A' && value.front() <= 'Z') term += ':';
    term += value;
    return term;
}

std::string id_term(std::string_view id) { return make_term(prefix::id, id); }

std::string filter_term(std::string_view prefix, std::string_view value) {
    return make_term(prefix, facet_key(value));
}

std::string_view entity_prefix(EntityType type) noexcept {
    switch (type) {
        case EntityType::person: return prefix::person;
        case EntityType::org: return prefix::org;
        case EntityType::place: return prefix::place;
    }
    return prefix::place;
}

std::string entity_value(const Entity& entity) {
    std::string value(to_string(entity.type));
    value += ':';
    value += entity.name;
    return value;
}

std::optional<Entity> parse_entity_value(std::string_view value) {
    const auto colon = value.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto type = parse_entity_type(value.substr(0, colon));
    if (!type) return std::nullopt;
    return Entity{*type, std::string(value.substr(colon + 1)), EntityOrigin::given};
}

}  // namespace newsdex::schema
