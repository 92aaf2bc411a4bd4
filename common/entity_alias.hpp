/// @file entity_alias.hpp
/// @brief The index's table of entity aliases ("usa" -> place "United States"): keys and values.
///
/// The indexer writes one metadata entry per alias of an entity its documents name (see
/// docs/schema.md); the searcher reads them to widen a filter. Metadata, not Xapian's synonym
/// table: Xapian 1.4's remote protocol carries metadata but not synonyms.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::schema {

/// Metadata keys of the alias table start with this: "newsdex.alias.XLusa".
inline constexpr std::string_view alias_key_prefix = "newsdex.alias.";

/// Metadata keys of the synonym table start with this, then the language and the key's terms:
/// "newsdex.synonym.en.Zunit Zstate". The value is a packed list (pack_list()) of the
/// alternatives, each "terms<TAB>text" ("Zusa\tusa"), and one "=text" item: the key as written.
inline constexpr std::string_view synonym_key_prefix = "newsdex.synonym.";

/// The longest metadata key written (Xapian refuses keys over about 245 bytes).
inline constexpr std::size_t max_metadata_key_bytes = 240;

/// The spelling-insensitive key of a name: facet_key() (lower case, single spaces) with dots
/// dropped, a possessive 's dropped and hyphens as spaces: "U.S." and "US" give "us",
/// "west-germany" gives "west germany". The gazetteer's keys are made alike.
[[nodiscard]] std::string alias_key(std::string_view name);

/// The metadata key of an alias of an entity of filter prefix `prefix` (XP, XO or XL), or
/// nullopt when the alias is empty or too long for a key.
[[nodiscard]] std::optional<std::string> alias_metadata_key(std::string_view prefix,
                                                            std::string_view name);

}  // namespace newsdex::schema
