/// @file filter_resolver.hpp
/// @brief Filter values to boolean terms, through the index's entity aliases; unknown values noted.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

/// What reading a request noticed: values naming nothing, aliases and synonyms used. Each
/// entry once, however often it is read (the query is parsed once per language).
struct QueryNotes {
    std::vector<Notice> notices;
    std::vector<SynonymUse> synonyms;

    void notice(const std::string& field, const std::string& value, const std::string& message);
    void synonym(const std::string& field, const std::string& from, std::vector<std::string> to);
    void clear() noexcept;
};

/// The filter of one value of a boolean field (`place:usa`, `--source reuters`): the OR of
/// the index's terms that the value names. An entity value names its own term
/// (XLunited states), the one of its spelling without dots and hyphens ("west-germany"),
/// and those its alias entry lists ("usa" -> XLunited states; see common/entity_alias.hpp).
/// A value naming no term of the index gives its own term (which matches nothing) and a
/// notice; one found through an alias, a SynonymUse. Throws nothing of its own.
class FilterResolver {
  public:
    explicit FilterResolver(Xapian::Database db) : db_(std::move(db)) {}

    /// `field` is the user's name for the filter ("place", "entity", "source", "category");
    /// `type` the entity type (none: any type for an entity, or `prefix` for the others).
    [[nodiscard]] Xapian::Query entity(const std::string& field, std::optional<EntityType> type,
                                       const std::string& value, QueryNotes& notes) const;
    [[nodiscard]] Xapian::Query plain(const std::string& field, std::string_view prefix,
                                      const std::string& value, QueryNotes& notes) const;

  private:
    /// The terms of `db_` a value of one entity type names, its own term first when there.
    std::vector<std::string> entity_terms(EntityType type, const std::string& value) const;

    Xapian::Database db_;
};

}  // namespace newsdex::searcher
