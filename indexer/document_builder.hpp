/// @file document_builder.hpp
/// @brief Turns one Article into the Xapian::Document the schema registry describes.
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "indexer/spelling_words.hpp"

namespace newsdex::indexer {

/// Builds documents: title and body as stems with positions (`Z`; title words at a higher
/// weight and again as `ZS`), no unstemmed words, the unique id term, boolean filter terms for date
/// (D/M/Y), source, language, each entity and category, the value slots for sorting and
/// facets, and the stored fields. Text is stemmed in the article's language. Reuse one
/// builder for many articles: it keeps its TermGenerator and one stemmer per language.
class DocumentBuilder {
  public:
    /// With `forced_language` (an ISO 639-1 code or Snowball name) every article is stemmed
    /// and labelled in that language; without it, each in its own (Article::language, else
    /// English). Throws UsageError for a forced language without a stemmer. With `spelling`,
    /// the words of each article built are kept for spelling_words().
    explicit DocumentBuilder(const std::string& forced_language = {}, bool spelling = false);

    /// The language code an article is indexed under (its `L` term and slot 3).
    [[nodiscard]] std::string language_of(const Article& article) const;

    /// The document of an article whose id is set (see derive_id()).
    [[nodiscard]] Xapian::Document build(const Article& article);

    /// The words of the article last built, for the spelling data (none without `spelling`).
    [[nodiscard]] std::vector<SpellingWord> spelling_words();

    /// The text terms (`Z` stems) the indexer writes for `phrase` in language `code`, in
    /// order: the one place where synonyms and aliases become index terms, so that they follow
    /// any change to the text analysis. Empty when the phrase has no words.
    [[nodiscard]] std::vector<std::string> phrase_terms(std::string_view phrase,
                                                        const std::string& code);

  private:
    /// Points the generator at the stemmer of `code`, made on first use and then kept.
    void use_language(const std::string& code);

    std::string forced_;   // language code for every article; empty: per article
    std::string current_;  // language the generator stems in now
    std::map<std::string, Xapian::Stem> stemmers_;
    std::optional<SpellingWords> spelling_;  // counts the words the stemmers are given
    Xapian::TermGenerator generator_;
    std::string
        marked_;  // the title or body being indexed, marked (reused: no allocation per article)
};

/// A stable id for an article that has none: its URL, else a hash of source, title, date and
/// body, so that indexing the same record twice still replaces instead of duplicating.
[[nodiscard]] std::string derive_id(const Article& article);

}  // namespace newsdex::indexer
