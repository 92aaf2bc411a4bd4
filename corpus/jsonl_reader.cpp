/// @file jsonl_reader.cpp
/// @brief JSON Lines to Articles with simdjson's DOM API, one reused parser per read.
#include "corpus/jsonl_reader.hpp"

#include <simdjson.h>

#include <array>
#include <cstdio>

#include "common/text.hpp"

namespace newsdex::corpus {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

/// Thrown inside this file only, to turn a bad field into one problem report for its line.
struct BadRecord {
    std::string reason;
};

/// The first of `names` present (and not null) in the object.
std::optional<element> field(const object& obj, std::initializer_list<std::string_view> names) {
    for (const auto name : names) {
        element value;
        if (obj.at_key(name).get(value) == simdjson::SUCCESS && !value.is_null()) return value;
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

std::string text_field(const object& obj, std::initializer_list<std::string_view> names) {
    for (const auto name : names) {
        element value;
        if (obj.at_key(name).get(value) == simdjson::SUCCESS && !value.is_null())
            return string_of(value, name);
    }
    return {};
}

/// A field that may hold one string or a list of them ("authors", "categories").
std::vector<std::string> string_list(const object& obj, std::string_view name) {
    std::vector<std::string> out;
    const auto value = field(obj, {name});
    if (!value) return out;
    const auto add = [&](const element& item) {
        std::string text = collapse_whitespace(string_of(item, name));
        if (!text.empty()) out.push_back(std::move(text));
    };
    simdjson::dom::array list;
    if (value->get_array().get(list) == simdjson::SUCCESS) {
        for (const element item : list) add(item);
    } else {
        add(*value);
    }
    return out;
}

/// `"person:Paul Volcker"` or `{"type": "person", "name": "Paul Volcker"}`; entries with no
/// known type are skipped, since an entity facet needs one.
std::vector<Entity> entities_of(const object& obj) {
    std::vector<Entity> out;
    const auto value = field(obj, {"entities"});
    if (!value) return out;
    simdjson::dom::array list;
    if (value->get_array().get(list) != simdjson::SUCCESS)
        throw BadRecord{"field \"entities\" must be a list"};
    for (const element item : list) {
        std::optional<EntityType> type;
        std::string name;
        object entity;
        if (item.get_object().get(entity) == simdjson::SUCCESS) {
            type = parse_entity_type(text_field(entity, {"type"}));
            name = collapse_whitespace(text_field(entity, {"name"}));
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

/// FNV-1a, to give an article without id or url a stable id from its content.
std::string content_id(std::string_view title, std::string_view body) {
    std::uint64_t hash = 14695981039346656037ULL;
    const auto mix = [&](std::string_view text) {
        for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    };
    mix(title);
    mix("\n");
    mix(body);
    char buf[24];
    std::snprintf(buf, sizeof buf, "h%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

Article to_article(const object& obj) {
    Article article;
    if (const auto id = field(obj, {"id"})) {
        std::int64_t number = 0;
        if (id->get_int64().get(number) == simdjson::SUCCESS) {
            article.id = std::to_string(number);
        } else {
            article.id = std::string(trim(string_of(*id, "id")));
        }
    }
    article.title = collapse_whitespace(text_field(obj, {"title"}));
    article.body = std::string(trim(text_field(obj, {"body", "text", "content"})));
    if (article.title.empty() && article.body.empty()) throw BadRecord{"no title or body"};
    article.source = collapse_whitespace(text_field(obj, {"source", "publisher", "site"}));
    article.url = std::string(trim(text_field(obj, {"url"})));
    article.language = std::string(trim(text_field(obj, {"language"})));
    const std::string date = std::string(trim(text_field(obj, {"date"})));
    if (!date.empty()) {
        article.date = parse_date(date);
        if (!article.date) throw BadRecord{"date \"" + date + "\" does not parse"};
    }
    article.authors = string_list(obj, "authors");
    article.categories = string_list(obj, "categories");
    article.entities = entities_of(obj);
    // Re-indexing must replace rather than duplicate, so a missing id is derived, not invented.
    if (article.id.empty())
        article.id = article.url.empty() ? content_id(article.title, article.body) : article.url;
    return article;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

void JsonlReader::read(std::istream& in, const std::string& file_name, const ArticleSink& sink) {
    simdjson::dom::parser parser;
    std::string line;
    std::uint64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        if (is_blank(line)) continue;
        // Parsing in place needs SIMDJSON_PADDING spare bytes after the text.
        if (line.capacity() - line.size() < simdjson::SIMDJSON_PADDING)
            line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
        element doc;
        auto error = parser.parse(line.data(), line.size(), false).get(doc);
        if (error == simdjson::UTF8_ERROR) {
            // Old feeds mix in Latin-1; read it as such rather than lose the record.
            line = to_valid_utf8(line);
            line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
            error = parser.parse(line.data(), line.size(), false).get(doc);
        }
        if (error != simdjson::SUCCESS) {
            sink.on_problem(ParseError(
                file_name, number, std::string("invalid JSON: ") + simdjson::error_message(error)));
            continue;
        }
        object obj;
        if (doc.get_object().get(obj) != simdjson::SUCCESS) {
            sink.on_problem(ParseError(file_name, number, "not a JSON object"));
            continue;
        }
        Article article;
        try {
            article = to_article(obj);
        } catch (const BadRecord& bad) {
            sink.on_problem(ParseError(file_name, number, bad.reason));
            continue;
        }
        article.origin_file = file_name;
        article.origin_line = number;
        sink.on_article(std::move(article));
    }
    if (in.bad()) sink.on_problem(ParseError(file_name, 0, "read error"));
}

}  // namespace newsdex::corpus
