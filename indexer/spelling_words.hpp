/// @file spelling_words.hpp
/// @brief SpellingWords: the words of an article for the index's spelling data ("did you mean").
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsdex::indexer {

/// A word of an article's text, lower-cased as the TermGenerator writes it, and how often it
/// occurs there (what Xapian's own FLAG_SPELLING would add).
struct SpellingWord {
    std::string word;
    Xapian::termcount count = 0;
};

/// Collects the words an article adds to the index's spelling data (Database::add_spelling)
/// while DocumentBuilder indexes it: the index's terms are stems (Z) and a correction must be a
/// word, so the words are taken where the TermGenerator hands each one, lower-cased and marked
/// (mark_word_boundaries), to the stemmer. Xapian's FLAG_SPELLING cannot be used: it adds only
/// unprefixed terms, and it needs the writable database, which only the writer thread may
/// touch; so the words travel with the prepared document and the writer adds them. Words
/// holding a digit (numbers, dates, codes) or an `_` (marked acronyms), one-character words
/// and very long ones are left out: no query word is worth correcting to them.
class SpellingWords {
  public:
    SpellingWords();

    /// `stemmer`, counting each word it is given here first (stemmer itself when it is "none":
    /// see add_terms()).
    [[nodiscard]] Xapian::Stem recording(Xapian::Stem stemmer);

    /// While paused, words are stemmed without being counted (a title indexed a second time).
    void pause(bool paused) noexcept;

    /// Counts the terms with `prefix` of `document`: the words themselves, for a language
    /// without a stemmer, whose generator stems nothing.
    void add_terms(const Xapian::Document& document, const std::string& prefix);

    /// The words counted since the last take(), in byte order, each once with its count.
    [[nodiscard]] std::vector<SpellingWord> take();

    struct Counts {
        std::unordered_map<std::string, Xapian::termcount> words;
        bool paused = false;
    };

  private:
    std::shared_ptr<Counts> counts_;  // shared with the recording stemmers
};

}  // namespace newsdex::indexer
