/// @file gazetteer.hpp
/// @brief Known names (countries, subdivisions, cities, demonyms, organisations) to canonical.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/article.hpp"

namespace newsdex::corpus {

/// What a known name stands for.
struct GazetteerEntry {
    EntityType type = EntityType::place;
    std::string name;      ///< canonical display name ("United States")
    std::string country;   ///< for a city, subdivision or demonym: its country; else empty
    bool demonym = false;  ///< "Japanese": names the country only as an adjective
};

/// A dictionary from names as written to canonical entities. Keys are matched on
/// gazetteer_key(): lower case, dots dropped, single spaces ("U.S." and "US" are one key).
///
/// Built from small built-in tables (aliases, historic states, capitals, demonyms and
/// well-known organisations) plus, when found, Debian's iso-codes (ISO 3166-1 countries,
/// ISO 3166-2 states and provinces) and tzdata's zone.tab (cities). Without those files it
/// still knows the built-in names.
class Gazetteer {
  public:
    /// The built-in tables only.
    Gazetteer();

    /// The built-in tables plus iso-codes JSON read from the first folder of `iso_dirs` that
    /// holds iso_3166-1.json, and cities from the first `zone_tabs` file that exists.
    Gazetteer(const std::vector<std::filesystem::path>& iso_dirs,
              const std::vector<std::filesystem::path>& zone_tabs);

    /// The standard gazetteer (system data at the usual Debian paths), loaded once.
    [[nodiscard]] static const Gazetteer& standard();

    /// The entry for a key made with gazetteer_key(), or nullptr.
    [[nodiscard]] const GazetteerEntry* find(std::string_view key) const;

    /// Whether some known key longer than `key` starts with its words ("new" for "new york").
    [[nodiscard]] bool has_prefix(std::string_view key) const;

    /// The canonical name of a place as written ("USA", "Britain" -> "United Kingdom"), or
    /// the text itself when unknown.
    [[nodiscard]] std::string canonical_place(std::string_view text) const;

    /// Whether the ISO 3166 data was found and read.
    [[nodiscard]] bool has_iso_codes() const noexcept { return iso_loaded_; }

    /// Number of known keys.
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

    /// Calls `visit(key, entry)` for each known key (in no particular order).
    template <class Visit>
    void for_each_entry(Visit&& visit) const {
        for (const auto& [key, entry] : entries_) visit(key, entry);
    }

    /// Adds `alias` unless it is already known (the first definition wins).
    void add(std::string_view alias, GazetteerEntry entry);

  private:
    void add_builtin();
    bool add_iso_countries(const std::filesystem::path& file);
    void add_iso_subdivisions(const std::filesystem::path& file);
    void add_zone_cities(const std::filesystem::path& file);

    std::unordered_map<std::string, GazetteerEntry> entries_;
    std::unordered_set<std::string> prefixes_;  // word prefixes of multi-word keys
    std::unordered_map<std::string, std::string> country_by_code_;  // "JP" -> "Japan"
    bool iso_loaded_ = false;
};

/// The lookup key of a name: lower case, dots and possessive 's dropped, white space folded.
[[nodiscard]] std::string gazetteer_key(std::string_view text);

}  // namespace newsdex::corpus
