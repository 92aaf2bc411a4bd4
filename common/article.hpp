/// @file article.hpp
/// @brief The Article record: what every corpus reader produces and the indexer consumes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace newsdex {

/// The kinds of named entity newsdex facets on.
enum class EntityType { person, org, place };

/// "person", "org" or "place".
[[nodiscard]] std::string_view to_string(EntityType type) noexcept;

/// Parses "person", "org"/"organisation"/"organization", "place"/"location" (any case).
[[nodiscard]] std::optional<EntityType> parse_entity_type(std::string_view text) noexcept;

/// Where an entity came from: given in the input, or extracted from the text by newsdex.
enum class EntityOrigin { given, extracted };

/// A named entity mentioned by an article, in its display form ("Paul Volcker").
struct Entity {
    EntityType type = EntityType::place;
    std::string name;
    EntityOrigin origin = EntityOrigin::given;

    friend bool operator==(const Entity&, const Entity&) = default;
};

/// One news article, as read from any input format. Only `id` (or something to derive it
/// from) and some text are required; everything else may be empty.
struct Article {
    std::string id;  ///< unique within the index; re-indexing the same id replaces
    std::string title;
    std::string body;
    std::string source;  ///< publisher display name, e.g. "Reuters"
    std::string url;
    std::string language;  ///< ISO 639-1 code or Snowball name; empty = index default
    std::optional<Timestamp> date;
    /// The date was not written out whole: its year came from context or it was worked out
    /// from a listing age ("17 minutes ago"), as scraped pages give them.
    bool date_inferred = false;
    /// The date the record gave when it was no calendar date ("2023-02-30"): the article is
    /// indexed without a date, and the indexer warns with this text.
    std::string unreadable_date;
    std::vector<std::string> authors;
    std::vector<std::string> categories;
    std::vector<Entity> entities;

    std::string origin_file;        ///< input file the article came from (for messages)
    std::uint64_t origin_line = 0;  ///< 1-based line (or record) number in that file
};

}  // namespace newsdex
