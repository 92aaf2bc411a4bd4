/// @file gazetteer_data.hpp
/// @brief The built-in name tables behind Gazetteer (internal to newsdex::analysis).
#pragma once

#include <span>
#include <string_view>

namespace newsdex::corpus::gazetteer_data {

/// A name as written and what it stands for.
struct Pair {
    std::string_view alias;
    std::string_view name;
};

/// Place aliases, short forms and states that no longer exist: "U.S." -> "United States".
[[nodiscard]] std::span<const Pair> place_aliases();

/// US state abbreviations of datelines to the state: "N.J." -> "New Jersey".
[[nodiscard]] std::span<const Pair> us_state_abbreviations();

/// Capitals and business centres the wire names most, with their country.
[[nodiscard]] std::span<const Pair> cities();

/// Nationality adjectives to their country: "West German" -> "West Germany".
[[nodiscard]] std::span<const Pair> demonyms();

/// Well-known organisations by name and acronym, to the canonical form Reuters labels use.
[[nodiscard]] std::span<const Pair> organisations();

/// ISO 3166-1 alpha-2 codes whose ISO name is not the one news uses ("TR" -> "Turkey").
[[nodiscard]] std::span<const Pair> country_names();

/// City and subdivision names that are more often something else ("Christmas", "Northern").
[[nodiscard]] std::span<const std::string_view> city_denylist();

}  // namespace newsdex::corpus::gazetteer_data
