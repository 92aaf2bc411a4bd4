/// @file spelling_words.hpp
/// @brief SpellingWords: the words of an article for the index's spelling data ("did you mean").
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/article.hpp"

namespace newsdex::indexer {

/// A word of an article's text, lower-cased as the TermGenerator writes it, and how often it
/// occurs there (what Xapian's own FLAG_SPELLING would add).
struct SpellingWord {
    std::string word;
    Xapian::termcount count = 0;
};

/// The words an article adds to the index's spelling data (Database::add_spelling): its title
/// and body split as the TermGenerator splits them, unstemmed, since the index's terms are stems
/// (Z) and a correction must be a word. Xapian's FLAG_SPELLING cannot be used: it adds only
/// unprefixed terms, and it needs the writable database, which only the writer thread may touch;
/// so the words travel with the prepared document and the writer adds them. Words holding a
/// digit (numbers, dates, codes) and one-character words are left out: no query word is worth
/// correcting to them.
class SpellingWords {
  public:
    SpellingWords();

    /// The article's words, in byte order, each once with its count.
    [[nodiscard]] std::vector<SpellingWord> of(const Article& article);

  private:
    Xapian::TermGenerator generator_;
};

}  // namespace newsdex::indexer
