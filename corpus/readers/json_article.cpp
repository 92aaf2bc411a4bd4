/// @file json_article.cpp
/// @brief JSON objects to Articles with simdjson's DOM API: field aliases, lists, entities, dates.
#include "corpus/readers/json_article.hpp"

#include <charconv>
#include <optional>
#include <utility>

#include "common/text.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

/// The first of `names` present (and not null) in the object, with the name it was found under.
std::optional<std::pair<element, std::string_view>> field(const object& obj,
                                                          const std::vector<std::string>& names) {
    for (const auto& name : names) {
        element value;
        if (obj.at_key(name).get(value) == simdjson::SUCCESS && !value.is_null())
            return std::pair{value, std::string_view(name)};
    }
    return std::nullopt;
}

/// A string field as clean UTF-8 (JSON may escape control characters; they are dropped).
std::string string_of(const element& value, std::string_view name) {
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        throw BadRecord{"field \"" + std::string(name) + "\" must be a string"};
    return to_valid_utf8(text);
}

std::string text_field(const object& obj, const std::vector<std::string>& names) {
    const auto found = field(obj, names);
    return found ? string_of(found->first, found->second) : std::string();
}

/// A field that may hold one string or a list of them ("authors", "categories").
std::vector<std::string> string_list(const object& obj, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    const auto found = field(obj, names);
    if (!found) return out;
    const auto add = [&](const element& item) {
        std::string text = collapse_whitespace(string_of(item, found->second));
        if (!text.empty()) out.push_back(std::move(text));
    };
    simdjson::dom::array list;
    if (found->first.get_array().get(list) == simdjson::SUCCESS) {
        for (const element item : list) add(item);
    } else {
        add(found->first);
    }
    return out;
}

/// `"person:Paul Volcker"` or `{"type": "person", "name": "Paul Volcker"}`; entries with no
/// known type are skipped, since an entity facet needs one.
std::vector<Entity> entities_of(const object& obj) {
    std::vector<Entity> out;
    element value;
    if (obj.at_key("entities").get(value) != simdjson::SUCCESS || value.is_null()) return out;
    simdjson::dom::array list;
    if (value.get_array().get(list) != simdjson::SUCCESS)
        throw BadRecord{"field \"entities\" must be a list"};
    static const std::vector<std::string> type_key{"type"}, name_key{"name"};
    for (const element item : list) {
        std::optional<EntityType> type;
        std::string name;
        object entity;
        if (item.get_object().get(entity) == simdjson::SUCCESS) {
            type = parse_entity_type(text_field(entity, type_key));
            name = collapse_whitespace(text_field(entity, name_key));
        } else {
            const std::string text = string_of(item, "entities");
            const std::size_t colon = text.find(':');
            if (colon != std::string::npos) {
                type = parse_entity_type(trim(std::string_view(text).substr(0, colon)));
                name = collapse_whitespace(std::string_view(text).substr(colon + 1));
            }
        }
        if (type && !name.empty()) out.push_back({*type, std::move(name), EntityOrigin::given});
    }
    return out;
}

/// A date string, or MongoDB extended JSON: `{"$date": ms}`, `{"$date": "ISO"}` or
/// `{"$date": {"$numberLong": "ms"}}` (exports of scraped news often come from MongoDB).
void set_json_date(Article& article, const object& obj, const std::vector<std::string>& names) {
    const auto found = field(obj, names);
    if (!found) return;
    object wrapper;
    if (found->first.get_object().get(wrapper) != simdjson::SUCCESS)
        return set_date(article, string_of(found->first, found->second));
    element inner;
    if (wrapper.at_key("$date").get(inner) != simdjson::SUCCESS)
        throw BadRecord{"field \"" + std::string(found->second) + "\" must be a date string"};
    std::int64_t ms = 0;
    std::string_view digits;
    if (inner.get_int64().get(ms) != simdjson::SUCCESS &&
        !(inner["$numberLong"].get_string().get(digits) == simdjson::SUCCESS &&
          std::from_chars(digits.data(), digits.data() + digits.size(), ms).ec == std::errc()))
        return set_date(article, string_of(inner, "$date"));
    constexpr std::int64_t ms_per_day = 86'400'000;
    const std::int64_t seconds = (ms >= 0 ? ms : ms - 999) / 1000;
    // Scrapers store a bare publication day as its midnight; do not claim a time of day then.
    article.date = Timestamp{seconds, ms % ms_per_day != 0};
}

/// The publisher's own name from the page's Open Graph metadata, as newspaper3k keeps it
/// (FakeNewsNet): `"meta_data": {"og": {"site_name": "CNN"}}`; empty when there is none.
std::string og_site_name(const object& obj) {
    element og;
    std::string_view name;
    if (obj["meta_data"]["og"].get(og) != simdjson::SUCCESS ||
        og["site_name"].get_string().get(name) != simdjson::SUCCESS)
        return {};
    return collapse_whitespace(to_valid_utf8(name));
}

std::string id_of(const object& obj, const std::vector<std::string>& names) {
    const auto found = field(obj, names);
    if (!found) return {};
    std::int64_t number = 0;
    if (found->first.get_int64().get(number) == simdjson::SUCCESS) return std::to_string(number);
    return std::string(trim(string_of(found->first, found->second)));
}

}  // namespace

Article article_from_json(const object& obj, const FieldNames& names,
                          std::string_view default_source) {
    using F = ArticleField;
    Article article;
    article.id = id_of(obj, names[F::id]);
    article.title = collapse_whitespace(text_field(obj, names[F::title]));
    article.body = std::string(trim(text_field(obj, names[F::body])));
    article.source = collapse_whitespace(text_field(obj, names[F::source]));
    if (article.source.empty() || is_unnamed_site(article.source))
        if (std::string own_name = og_site_name(obj); !own_name.empty())
            article.source = std::move(own_name);
    article.url = std::string(trim(text_field(obj, names[F::url])));
    article.language = std::string(trim(text_field(obj, names[F::language])));
    set_json_date(article, obj, names[F::date]);
    article.authors = string_list(obj, names[F::authors]);
    article.categories = string_list(obj, names[F::categories]);
    article.entities = entities_of(obj);
    finish_article(article, default_source);
    return article;
}

void JsonRecordReader::read(std::string& text, const std::string& file_name, std::uint64_t line,
                            const ArticleSink& sink) {
    // Parsing in place needs SIMDJSON_PADDING spare bytes after the text.
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    element doc;
    auto error = parser_.parse(text.data(), text.size(), false).get(doc);
    if (error == simdjson::UTF8_ERROR) {
        // Old feeds mix in Latin-1; read it as such rather than lose the record.
        text = to_valid_utf8(text);
        text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
        error = parser_.parse(text.data(), text.size(), false).get(doc);
    }
    if (error != simdjson::SUCCESS) {
        sink.on_problem(ParseError(file_name, line,
                                   std::string("invalid JSON: ") + simdjson::error_message(error)));
        return;
    }
    object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
        sink.on_problem(ParseError(file_name, line, "not a JSON object"));
        return;
    }
    Article article;
    try {
        article = article_from_json(obj, names_, default_source_);
    } catch (const BadRecord& bad) {
        sink.on_problem(ParseError(file_name, line, bad.reason));
        return;
    }
    article.origin_file = file_name;
    article.origin_line = line;
    sink.on_article(std::move(article));
}

}  // namespace newsdex::corpus
