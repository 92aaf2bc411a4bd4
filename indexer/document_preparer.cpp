/// @file document_preparer.cpp
/// @brief Id, extracted entities, detected language and Xapian document of an article.
#include "indexer/document_preparer.hpp"

#include <algorithm>
#include <utility>

#include "common/schema.hpp"
#include "common/text.hpp"
#include "corpus/analysis/entity_extractor.hpp"

namespace newsdex::indexer {

namespace {

// Appends the entities the extractor finds in the text, except those given already (same
// type and facet key): a given label stays marked given.
void add_extracted(const corpus::EntityExtractor& extractor, Article& article) {
    const auto given = [&article](const Entity& found) {
        return std::any_of(
            article.entities.begin(), article.entities.end(), [&found](const Entity& e) {
                return e.type == found.type && facet_key(e.name) == facet_key(found.name);
            });
    };
    for (Entity& found : extractor.extract(article.title, article.body))
        if (!given(found)) article.entities.push_back(std::move(found));
}

// One extractor for the process: its gazetteer is loaded once and it keeps no state.
const corpus::EntityExtractor& shared_extractor() {
    static const corpus::EntityExtractor extractor;
    return extractor;
}

}  // namespace

DocumentPreparer::DocumentPreparer(const IndexOptions& options)
    : builder_(options.language, options.spelling),
      extractor_(options.extract_entities ? &shared_extractor() : nullptr),
      detector_(options.language.empty() ? std::make_optional<corpus::LanguageDetector>()
                                         : std::nullopt) {}

PreparedDocument DocumentPreparer::prepare(Article&& article) {
    article.id = derive_id(article);
    if (extractor_) add_extracted(*extractor_, article);
    // A language the input names wins over detection (e.g. a JSON "language" field).
    if (detector_ && article.language.empty())
        article.language = detector_->detect(article.title, article.body);
    return {schema::id_term(article.id), builder_.build(article), builder_.spelling_words()};
}

}  // namespace newsdex::indexer
