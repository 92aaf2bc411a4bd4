/// @file mail_reader.hpp
/// @brief Reads mail or Usenet posts, one per file: an RFC 822 header block, then the body.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads one mail-style message per file (as 20 Newsgroups: `<newsgroup>/<number>`): header
/// lines (`Name: value`, folded lines continued) up to the first blank line, then the body.
///
/// Subject is the title; From the author (its display name when it has one); Date the date;
/// Message-ID the id (else the last three path parts); Newsgroups the categories (else the
/// folder holding the file). The source is ReadOptions::source, else the first newsgroup (else
/// that folder): on Usenet the newsgroup is where a post was published. Other headers
/// (Organization, Lines, ...) are not indexed. A file with no header block, or a Date that
/// does not parse, is a problem (with its line). `file_name` is the file's path.
void read_mail(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink);

/// The header name of `line` when it is a header line (`Subject: x` gives "Subject"), else "":
/// a name of printable ASCII without spaces, then a colon.
[[nodiscard]] std::string_view mail_header_name(std::string_view line) noexcept;

}  // namespace newsdex::corpus
