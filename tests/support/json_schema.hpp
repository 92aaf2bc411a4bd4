/// @file json_schema.hpp
/// @brief Checks JSON against docs/search-result.schema.json: the part of JSON Schema that
/// document uses (type, properties, required, additionalProperties, items, enum, minimum and
/// local $refs), so that a test can hold the CLI's and the server's output to it.
#pragma once

#include <string>
#include <vector>

namespace newsdex::test {

/// The schema document at `path`, read once.
class JsonSchema {
  public:
    explicit JsonSchema(const std::string& path);
    ~JsonSchema();
    JsonSchema(const JsonSchema&) = delete;
    JsonSchema& operator=(const JsonSchema&) = delete;

    /// What in `json` breaks the schema (the root, or `definition`: "#/$defs/document"), as
    /// "hits[0].rank: not an integer"; empty when it conforms.
    [[nodiscard]] std::vector<std::string> violations(const std::string& json,
                                                      const std::string& definition = "#") const;

  private:
    struct Parsed;
    Parsed* parsed_;
};

/// docs/search-result.schema.json of the source tree.
[[nodiscard]] std::string search_result_schema_path();

}  // namespace newsdex::test
