/// @file document_preparer.hpp
/// @brief DocumentPreparer: an article's id, entities, language and document, before writing.
#pragma once

#include <optional>

#include "common/article.hpp"
#include "corpus/analysis/language_detector.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/index_options.hpp"
#include "indexer/prepared_document.hpp"

namespace newsdex::corpus {
class EntityExtractor;
}

namespace newsdex::indexer {

/// Makes articles ready for a BatchWriter: derives the id, extracts entities (with
/// IndexOptions::extract_entities), detects the language (unless IndexOptions::language forces
/// one), builds the document and lists its words for the spelling data (IndexOptions::spelling).
/// Touches no index, so it may run on another thread than the writer, but not on two threads at
/// once: each thread prepares with a preparer of its own.
class DocumentPreparer {
  public:
    /// Throws UsageError for a forced language without a stemmer.
    explicit DocumentPreparer(const IndexOptions& options);

    /// The article's id term and document. Extracted entities are added after the given ones
    /// unless one of the same type and facet key was given.
    [[nodiscard]] PreparedDocument prepare(Article&& article);

  private:
    DocumentBuilder builder_;
    const corpus::EntityExtractor* extractor_;          // nullptr: --no-extract
    std::optional<corpus::LanguageDetector> detector_;  // none when a language is forced
};

}  // namespace newsdex::indexer
