/// @file json_reader.hpp
/// @brief Reads JSON documents: one article object per file, or an array of them.
#pragma once

#include <istream>
#include <string>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads a JSON document holding one article object, or an array of article objects (fields
/// as for read_jsonl()). Arrays are read as a stream, one element at a time, so a dump of any
/// size needs memory for one article only; each element is parsed on its own, so a malformed
/// element is reported (with the line it starts on) and the others are still read. A file
/// whose first line is a complete JSON value followed by more lines is JSON Lines and is read
/// as such (`.json` is often used for both). `file_name` is used in messages and
/// Article::origin_file.
void read_json(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink);

}  // namespace newsdex::corpus
