/// @file schema.cpp
/// @brief Term construction for the prefix registry.
#include "common/schema.hpp"

#include <algorithm>
#include <cstdio>

#include "common/text.hpp"

namespace newsdex::schema {

namespace {

// Xapian rejects terms over 245 bytes, and one such term would fail a whole batch.
constexpr std::size_t kMaxTermBytes = 240;
constexpr std::size_t kKeptBytes = kMaxTermBytes - 17;  // room for '#' and 16 hex digits

// A term too long for Xapian: its start (cut on a UTF-8 boundary) and a hash of the whole,
// so distinct long values stay distinct and the searcher rebuilds the same term.
std::string shorten(const std::string& term) {
    char digits[17];
    std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(fnv1a(term)));
    return term.substr(0, utf8_prefix_size(term, kKeptBytes)) + '#' + digits;
}

}  // namespace

std::string make_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    // Omega's rule: a ':' keeps "XPaul" from reading as prefix "XPA" + "ul".
    if (!value.empty() && value.front() >= 'A' && value.front() <= 'Z') term += ':';
    term += value;
    return term.size() > kMaxTermBytes ? shorten(term) : term;
}

std::string id_term(std::string_view id) {
    return make_term(prefix::id, id);
}

std::string filter_term(std::string_view prefix, std::string_view value) {
    return make_term(prefix, facet_key(value));
}

DateTerms date_terms_of(std::string_view iso_day) {
    const std::string compact =
        std::string(iso_day.substr(0, 4)).append(iso_day.substr(5, 2)).append(iso_day.substr(8, 2));
    return {std::string(prefix::day) + compact, std::string(prefix::month) + compact.substr(0, 6),
            std::string(prefix::year) + compact.substr(0, 4)};
}

bool is_date_term(std::string_view term) noexcept {
    if (term.size() < 2 || term[1] < '0' || term[1] > '9') return false;
    const std::string_view head = term.substr(0, 1);
    return head == prefix::day || head == prefix::month || head == prefix::year;
}

std::string_view entity_prefix(EntityType type) noexcept {
    switch (type) {
        case EntityType::person:
            return prefix::person;
        case EntityType::org:
            return prefix::org;
        case EntityType::place:
            return prefix::place;
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

std::string pack_list(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string packed;
    for (const auto& item : items) {
        if (!packed.empty()) packed += list_separator;
        packed += item;
    }
    return packed;
}

std::vector<std::string_view> unpack_list(std::string_view value) {
    std::vector<std::string_view> items;
    for_each_list_item(value, [&items](std::string_view item) { items.push_back(item); });
    return items;
}

}  // namespace newsdex::schema
