/// @file text_reader.hpp
/// @brief Reads plain-text articles, one per file: a title line, then the body.
#pragma once

#include <istream>
#include <string>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads one plain-text article per file (as the BBC corpus: `<category>/NNN.txt`): the first
/// non-blank line is the title, the rest the body. Such files carry no metadata, so the path
/// supplies it: the folder holding the file is the category, the folder above it the source
/// unless ReadOptions::source is set, and the last three path parts the id
/// (`bbc/business/001`). Bytes that are not UTF-8 are read as Latin-1. An empty file is a
/// problem (line 1). `file_name` is the file's path ("-" for stdin: no labels, and an id
/// derived from the content).
void read_text(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink);

}  // namespace newsdex::corpus
