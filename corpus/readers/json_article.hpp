/// @file json_article.hpp
/// @brief Internal: the JSON object to Article mapping shared by the JSON and JSON Lines readers.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/readers/article_field.hpp"
#include "corpus/readers/article_sink.hpp"

namespace newsdex::corpus {

/// Maps one JSON object to an Article (fields as documented on read_jsonl(); dates may also be
/// MongoDB extended JSON `{"$date": ms}`). Throws BadRecord (record_support.hpp) for a field
/// of the wrong type, a date that does not parse, or neither title nor body.
[[nodiscard]] Article article_from_json(const simdjson::dom::object& obj, const FieldNames& names,
                                        std::string_view default_source);

/// Turns JSON texts, one record each, into Articles with one reused simdjson parser.
class JsonRecordReader {
  public:
    JsonRecordReader(const FieldMap& field_map, std::string default_source)
        : names_(field_map), default_source_(std::move(default_source)) {}

    /// Parses `text` as one article object and hands the article (origin set to file and
    /// `line`) or the problem (bad JSON, not an object, bad record) to `sink`. Bytes that are
    /// not UTF-8 are read as Latin-1 rather than losing the record. `text` may be modified.
    void read(std::string& text, const std::string& file_name, std::uint64_t line,
              const ArticleSink& sink);

  private:
    simdjson::dom::parser parser_;
    FieldNames names_;
    std::string default_source_;
};

}  // namespace newsdex::corpus
