/// @file document_builder.hpp
/// @brief Turns one Article into the Xapian::Document the schema registry describes.
#pragma once

#include <string>

#include <xapian.h>

#include "common/article.hpp"

namespace newsdex::indexer {

/// Builds documents: title and body as stemmed text with positions (title words also with
/// the S prefix and a higher weight), the unique id term, boolean filter terms for date
/// (D/M/Y), source, language, each entity and category, the value slots for sorting and
/// facets, and the stored fields. Reuse one builder for many articles: it keeps its
/// TermGenerator and stemmer.
class DocumentBuilder {
  public:
    /// `language` is the Snowball stemmer name for articles that do not name their own.
    explicit DocumentBuilder(const std::string& language = "english");

    /// The document of an article whose id is set (see derive_id()).
    [[nodiscard]] Xapian::Document build(const Article& article);

  private:
    Xapian::Stem stemmer_;
    Xapian::TermGenerator generator_;
};

/// A stable id for an article that has none: its URL, else a hash of source, title, date and
/// body, so that indexing the same record twice still replaces instead of duplicating.
[[nodiscard]] std::string derive_id(const Article& article);

}  // namespace newsdex::indexer
