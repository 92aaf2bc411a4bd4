/// @file entity_alias.cpp
/// @brief Alias keys and their metadata keys.
#include "common/entity_alias.hpp"

#include "common/text.hpp"

namespace newsdex::schema {

namespace {

// Xapian refuses metadata keys over about 245 bytes; no real alias comes near.
constexpr std::size_t max_alias_bytes = 200;

}  // namespace

std::string alias_key(std::string_view name) {
    std::string lower = facet_key(name);
    for (std::string_view possessive : {"'s", "\xE2\x80\x99s"})
        if (lower.ends_with(possessive)) lower.erase(lower.size() - possessive.size());
    std::string key;
    key.reserve(lower.size());
    for (char c : lower) {
        if (c == '.') continue;
        if (c == '-') c = ' ';
        if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
        key += c;
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

std::optional<std::string> alias_metadata_key(std::string_view prefix, std::string_view name) {
    const std::string key = alias_key(name);
    if (key.empty() || key.size() > max_alias_bytes) return std::nullopt;
    return std::string(alias_key_prefix) + std::string(prefix) + key;
}

}  // namespace newsdex::schema
