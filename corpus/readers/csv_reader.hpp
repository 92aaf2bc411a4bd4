/// @file csv_reader.hpp
/// @brief Reads CSV with a header row (RFC 4180 quoting), one article per record.
#pragma once

#include <istream>
#include <string>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads comma-separated values whose first record names the columns. Quoted fields may hold
/// commas, doubled quotes (`""`) and line breaks; CRLF and LF line ends are both accepted.
///
/// Columns map to fields by name, case-insensitively, as in field_aliases() (`title` or
/// `headline`, `body`/`text`/`content`/`article`, `date`/`published`/`publish_date`, ...);
/// ReadOptions::field_map overrides that (`--field title=headline`). `authors` and
/// `categories` cells hold several values separated by `;` or `|`. Other columns are ignored.
///
/// Problems name the physical line where the record starts: a record whose field count differs
/// from the header's, a quoted field still open at the end of the file, no title or body, a
/// date that does not parse. A header with no title or body column, or without a column named
/// in the field map, is one problem for the whole file (line 1), which is then skipped.
/// `file_name` is used in messages and Article::origin_file.
void read_csv(std::istream& in, const std::string& file_name, const ReadOptions& options,
              const ArticleSink& sink);

}  // namespace newsdex::corpus
