/// @file entity_extractor.hpp
/// @brief EntityExtractor: people, organisations and places named in an article's text.
#pragma once

#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "corpus/analysis/gazetteer.hpp"

namespace newsdex::corpus {

/// Finds the people, organisations and places an article names, with rules over capitalised
/// word sequences and a Gazetteer of known names. A name is a person's by a cue (a title,
/// "said", a common given name, its surname used alone elsewhere in the article); a place no
/// list holds is told by its context ("Kenosha, Wisconsin", "the city of Kamloops").
///
/// Results are typed, canonical ("the U.S." and "US" -> place "United States"; "Volcker"
/// after "Paul Volcker" -> "Paul Volcker"; titles and possessive 's left out), de-duplicated
/// by type and facet key, in order of first mention, and marked EntityOrigin::extracted.
/// A city, state or demonym also yields its country ("Tokyo" -> "Tokyo" and "Japan").
/// Mostly upper-case lines (wire headlines, tables) are skipped, so an all-caps title adds
/// nothing. Stateless after construction: one extractor may serve several threads.
class EntityExtractor {
  public:
    /// An extractor over Gazetteer::standard().
    EntityExtractor();

    /// An extractor over `gazetteer`, which must outlive it.
    explicit EntityExtractor(const Gazetteer& gazetteer);

    /// The entities named in `title` and `body`.
    [[nodiscard]] std::vector<Entity> extract(std::string_view title, std::string_view body) const;

    /// The gazetteer in use.
    [[nodiscard]] const Gazetteer& gazetteer() const noexcept { return *gazetteer_; }

  private:
    const Gazetteer* gazetteer_;
};

}  // namespace newsdex::corpus
