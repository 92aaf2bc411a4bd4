/// @file jsonl_reader.hpp
/// @brief Reads JSON Lines articles: one object per line, common field names mapped.
#pragma once

#include <istream>
#include <string>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Longest JSON record read, a JSON Lines line or a JSON array's element:
/// max(64 MiB, 2 x max_article_bytes + 1 MiB). A longer one is read through unkept.
[[nodiscard]] std::size_t max_json_record_bytes(const ReadOptions& options);

/// Reads JSON Lines (one article object per line; blank lines ignored) with simdjson.
///
/// Fields (names as in field_aliases(), first present wins, `--field` overrides): `id`;
/// `title`/`headline`; `body`/`text`/`content`/`article`; `date`/`published`/`publish_date`
/// (ISO-8601 or RFC 2822, see parse_date(), or `{"$date": ms}`); `source`/`publisher`/`site`
/// (a URL becomes its site name: `http://www.nytimes.com` → `nytimes.com`); `url`/`link`;
/// `authors`/`author` (string or list); `language`; `entities` (list of `"type:name"`, or of
/// `{"type": "person|org|place", "name": ...}`; entries with no known type are skipped);
/// `categories`/`category`/`section` (string or list). Unknown fields are ignored.
///
/// A line that is not a JSON object, has neither title nor body, or has a date that does not
/// parse is reported to sink.on_problem as "file:line: reason" and skipped; so is a line longer
/// than max(64 MiB, 2 x max_article_bytes + 1 MiB), read through to its newline unkept (an
/// endless input with no newline is read in bounded memory).
///
/// `file_name` is used in messages and Article::origin_file; `options` brings the `--field`
/// overrides and the default source.
void read_jsonl(std::istream& in, const std::string& file_name, const ReadOptions& options,
                const ArticleSink& sink);

}  // namespace newsdex::corpus
