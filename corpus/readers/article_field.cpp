/// @file article_field.cpp
/// @brief Names of the Article fields, their aliases and the `--field NAME=COLUMN` overrides.
#include "corpus/readers/article_field.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace newsdex::corpus {

namespace {

using namespace std::string_view_literals;

constexpr std::array id_names = {"id"sv};
constexpr std::array title_names = {"title"sv, "headline"sv};
constexpr std::array body_names = {"body"sv, "text"sv, "content"sv, "article"sv};
constexpr std::array date_names = {"date"sv, "published"sv, "publish_date"sv};
constexpr std::array source_names = {"source"sv, "publisher"sv, "site"sv};
constexpr std::array url_names = {"url"sv, "link"sv};
constexpr std::array authors_names = {"authors"sv, "author"sv};
constexpr std::array categories_names = {"categories"sv, "category"sv, "section"sv};
constexpr std::array language_names = {"language"sv, "lang"sv};

std::string known_fields() {
    std::string out;
    for (const auto field : all_article_fields)
        out += (out.empty() ? "" : ", ") + std::string(to_string(field));
    return out;
}

}  // namespace

std::span<const std::string_view> field_aliases(ArticleField field) noexcept {
    switch (field) {
        case ArticleField::id:
            return id_names;
        case ArticleField::title:
            return title_names;
        case ArticleField::body:
            return body_names;
        case ArticleField::date:
            return date_names;
        case ArticleField::source:
            return source_names;
        case ArticleField::url:
            return url_names;
        case ArticleField::authors:
            return authors_names;
        case ArticleField::categories:
            return categories_names;
        case ArticleField::language:
            return language_names;
    }
    return id_names;
}

std::string_view to_string(ArticleField field) noexcept {
    return field_aliases(field).front();
}

std::optional<ArticleField> parse_article_field(std::string_view name) noexcept {
    for (const auto field : all_article_fields) {
        const auto canonical = to_string(field);
        if (name.size() != canonical.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k)
            same = (name[k] | 0x20) == canonical[k];
        if (same) return field;
    }
    return std::nullopt;
}

FieldMap parse_field_map(const std::vector<std::string>& specs) {
    FieldMap map;
    for (const auto& spec : specs) {
        const std::size_t eq = spec.find('=');
        const auto column = eq == std::string::npos ? std::string_view()
                                                    : trim(std::string_view(spec).substr(eq + 1));
        if (column.empty())
            throw RequestError(
                "field", spec, std::nullopt,
                {{"field", true}, {" '" + spec + "' must be NAME=COLUMN, e.g. title=headline"}});
        const auto field = parse_article_field(trim(std::string_view(spec).substr(0, eq)));
        if (!field)
            throw RequestError(
                "field", spec, std::nullopt,
                {{"field", true},
                 {" '" + spec + "' names no article field (" + known_fields() + ")"}});
        map[std::string(to_string(*field))] = std::string(column);
    }
    return map;
}

FieldNames::FieldNames(const FieldMap& map) {
    for (const auto field : all_article_fields) {
        const auto k = static_cast<std::size_t>(field);
        const auto it = map.find(std::string(to_string(field)));
        mapped_[k] = it != map.end();
        if (mapped_[k]) {
            names_[k].push_back(it->second);
        } else {
            for (const auto alias : field_aliases(field)) names_[k].emplace_back(alias);
        }
    }
}

}  // namespace newsdex::corpus
