/// @file jsonl_reader.hpp
/// @brief Reads JSON Lines articles: one object per line, common field names mapped.
#pragma once

#include <istream>
#include <string>

#include "corpus/article_sink.hpp"

namespace newsdex::corpus {

/// Reads JSON Lines (one article object per line; blank lines ignored) with simdjson.
///
/// Fields: `id`; `title`; `body` (or `text`, `content`); `date` (ISO-8601 or RFC 2822, see
/// parse_date()); `source` (or `publisher`, `site`); `url`; `authors` (string or list);
/// `language`; `entities` (list of names, or of `{"type": "person|org|place", "name": ...}`;
/// an untyped name is kept as given with type from `type` or skipped when none);
/// `categories` (string or list). Unknown fields are ignored.
///
/// A line that is not a JSON object, has neither title nor body, or has a date that does not
/// parse is reported to sink.on_problem as "file:line: reason" and skipped.
class JsonlReader {
  public:
    /// Reads every line of `in`; `file_name` is used in messages and Article::origin_file.
    static void read(std::istream& in, const std::string& file_name, const ArticleSink& sink);
};

}  // namespace newsdex::corpus
