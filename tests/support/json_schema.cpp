/// @file json_schema.cpp
/// @brief A small JSON Schema checker over simdjson's DOM, for the keywords newsdex's schema
/// uses; an unknown keyword fails loudly rather than passing everything.
#include "support/json_schema.hpp"

#include <simdjson.h>

#include <set>
#include <stdexcept>

namespace newsdex::test {

namespace dom = simdjson::dom;

struct JsonSchema::Parsed {
    dom::parser parser;
    dom::element root;
};

namespace {

const std::set<std::string, std::less<>> known_keywords = {
    "$schema",    "$id",   "title", "description", "type", "required", "additionalProperties",
    "properties", "items", "enum",  "minimum",     "$ref", "$defs"};

std::string describe(dom::element e) {
    return simdjson::minify(e);
}

bool has_type(dom::element value, std::string_view type) {
    switch (value.type()) {
        case dom::element_type::OBJECT:
            return type == "object";
        case dom::element_type::ARRAY:
            return type == "array";
        case dom::element_type::STRING:
            return type == "string";
        case dom::element_type::BOOL:
            return type == "boolean";
        case dom::element_type::NULL_VALUE:
            return type == "null";
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
            return type == "integer" || type == "number";
        case dom::element_type::DOUBLE:
            return type == "number";
    }
    return false;
}

double as_number(dom::element value) {
    if (value.is_int64()) return static_cast<double>(value.get_int64().value());
    if (value.is_uint64()) return static_cast<double>(value.get_uint64().value());
    return value.get_double().value();
}

class Checker {
  public:
    Checker(dom::element root, std::vector<std::string>& out) : root_(root), out_(out) {}

    dom::element resolve(std::string_view ref) const {
        if (ref == "#") return root_;
        const std::string_view prefix = "#/$defs/";
        if (!ref.starts_with(prefix))
            throw std::runtime_error("unsupported $ref " + std::string(ref));
        dom::element target;
        if (root_["$defs"][ref.substr(prefix.size())].get(target) != simdjson::SUCCESS)
            throw std::runtime_error("no " + std::string(ref) + " in the schema");
        return target;
    }

    void check(dom::element schema, dom::element value, const std::string& at) {
        if (schema.is_bool()) {
            if (!schema.get_bool().value()) out_.push_back(at + ": not allowed here");
            return;
        }
        for (const auto [keyword, unused] : schema.get_object())
            if (!known_keywords.contains(keyword))
                throw std::runtime_error("schema keyword " + std::string(keyword) +
                                         " not supported");
        std::string_view ref;
        if (schema["$ref"].get(ref) == simdjson::SUCCESS) check(resolve(ref), value, at);
        std::string_view type;
        if (schema["type"].get(type) == simdjson::SUCCESS && !has_type(value, type)) {
            out_.push_back(at + ": not " + std::string(type) + " but " + describe(value));
            return;
        }
        dom::array choices;
        if (schema["enum"].get(choices) == simdjson::SUCCESS) {
            bool found = false;
            for (const auto choice : choices) found = found || describe(choice) == describe(value);
            if (!found)
                out_.push_back(at + ": " + describe(value) + " is not one of " +
                               simdjson::minify(choices));
        }
        dom::element minimum;
        if (schema["minimum"].get(minimum) == simdjson::SUCCESS && has_type(value, "number") &&
            as_number(value) < as_number(minimum))
            out_.push_back(at + ": " + describe(value) + " is under " + describe(minimum));
        if (value.is_object()) check_object(schema, value.get_object().value(), at);
        dom::element items;
        if (value.is_array() && schema["items"].get(items) == simdjson::SUCCESS) {
            std::size_t i = 0;
            for (const auto item : value.get_array())
                check(items, item, at + "[" + std::to_string(i++) + "]");
        }
    }

  private:
    void check_object(dom::element schema, dom::object value, const std::string& at) {
        dom::array required;
        if (schema["required"].get(required) == simdjson::SUCCESS)
            for (const auto name : required) {
                dom::element unused;
                if (value[name.get_string().value()].get(unused) != simdjson::SUCCESS)
                    out_.push_back(at + ": no " + std::string(name.get_string().value()));
            }
        dom::object properties;
        const bool has_properties = schema["properties"].get(properties) == simdjson::SUCCESS;
        dom::element additional;
        const bool has_additional =
            schema["additionalProperties"].get(additional) == simdjson::SUCCESS;
        for (const auto [key, member] : value) {
            const std::string where = (at == "$" ? "" : at + ".") + std::string(key);
            dom::element property;
            if (has_properties && properties[key].get(property) == simdjson::SUCCESS)
                check(property, member, where);
            else if (has_additional)
                check(additional, member, where);
        }
    }

    dom::element root_;
    std::vector<std::string>& out_;
};

}  // namespace

JsonSchema::JsonSchema(const std::string& path) : parsed_(new Parsed) {
    if (parsed_->parser.load(path).get(parsed_->root) != simdjson::SUCCESS) {
        delete parsed_;
        throw std::runtime_error("cannot read the JSON schema " + path);
    }
}

JsonSchema::~JsonSchema() {
    delete parsed_;
}

std::vector<std::string> JsonSchema::violations(const std::string& json,
                                                const std::string& definition) const {
    dom::parser parser;
    dom::element value;
    if (parser.parse(json).get(value) != simdjson::SUCCESS) return {"$: not JSON"};
    std::vector<std::string> out;
    Checker checker(parsed_->root, out);
    checker.check(checker.resolve(definition), value, "$");
    return out;
}

std::string search_result_schema_path() {
    return NEWSDEX_SEARCH_RESULT_SCHEMA;
}

}  // namespace newsdex::test
