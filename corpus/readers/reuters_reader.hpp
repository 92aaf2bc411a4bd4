/// @file reuters_reader.hpp
/// @brief Reads Reuters-21578 SGML files (reut2-*.sgm) into Articles.
#pragma once

#include <istream>
#include <string>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads the `<REUTERS ...>` elements of a Reuters-21578 SGML file.
///
/// Each story becomes an Article: id `reuters-<NEWID>`, source "Reuters", DATE parsed (junk
/// after the time ignored; a time that makes no sense falls back to the day), TITLE,
/// DATELINE + BODY as body (TEXT TYPE="UNPROC"/"BRIEF" stories: the whole TEXT; a story
/// without TITLE takes its first line), PLACES/PEOPLE/ORGS as given entities with display
/// names ("west-germany" -> "West Germany", "opec" -> "OPEC"), TOPICS as categories.
/// SGML character references are decoded and control characters dropped; bytes that are
/// not UTF-8 are read as Latin-1. A story with no NEWID is reported and skipped (`line` in
/// messages is the line of its `<REUTERS` tag); one with no text is kept, as the collection
/// counts it. The options do not apply (the files carry all their metadata).
void read_reuters(std::istream& in, const std::string& file_name, const ReadOptions& options,
                  const ArticleSink& sink);

}  // namespace newsdex::corpus
