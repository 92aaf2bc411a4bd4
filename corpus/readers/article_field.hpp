/// @file article_field.hpp
/// @brief The Article fields a CSV column or JSON key can fill, with their accepted names.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::corpus {

/// An Article field that input records name by column or key.
enum class ArticleField { id, title, body, date, source, url, authors, categories, language };

/// Every ArticleField, in declaration order.
inline constexpr std::array<ArticleField, 9> all_article_fields = {
    ArticleField::id,      ArticleField::title,      ArticleField::body,
    ArticleField::date,    ArticleField::source,     ArticleField::url,
    ArticleField::authors, ArticleField::categories, ArticleField::language};

/// The canonical name of a field ("title"), as used by `--field title=headline`.
[[nodiscard]] std::string_view to_string(ArticleField field) noexcept;

/// The column or key names that fill a field, most preferred first (the canonical name first):
/// title/headline, body/text/content/article, date/published/publish_date, source/publisher/site,
/// url/link, id, authors/author, categories/category/section, language/lang.
[[nodiscard]] std::span<const std::string_view> field_aliases(ArticleField field) noexcept;

/// Parses a canonical field name (any case); nullopt for anything else.
[[nodiscard]] std::optional<ArticleField> parse_article_field(std::string_view name) noexcept;

/// Field name to the column or key that fills it, overriding the aliases
/// (`{"title": "headline"}`). Keys are canonical field names.
using FieldMap = std::map<std::string, std::string>;

/// Parses NAME=COLUMN values (newsdex-index's `--field`) into a FieldMap; throws RequestError
/// (field "field", the bad value) for a missing `=`, an empty column or an unknown field name.
[[nodiscard]] FieldMap parse_field_map(const std::vector<std::string>& specs);

/// The names to look up for each field in one read: the mapped column alone when the FieldMap
/// names one, else the aliases. Built once per file so per-record lookups allocate nothing.
class FieldNames {
  public:
    explicit FieldNames(const FieldMap& map = {});

    /// Names for `field`, most preferred first.
    [[nodiscard]] const std::vector<std::string>& operator[](ArticleField field) const {
        return names_[static_cast<std::size_t>(field)];
    }

    /// Whether `field` was mapped explicitly (a missing mapped column is then an error).
    [[nodiscard]] bool mapped(ArticleField field) const {
        return mapped_[static_cast<std::size_t>(field)];
    }

  private:
    std::array<std::vector<std::string>, all_article_fields.size()> names_;
    std::array<bool, all_article_fields.size()> mapped_{};
};

}  // namespace newsdex::corpus
