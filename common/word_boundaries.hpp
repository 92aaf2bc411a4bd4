/// @file word_boundaries.hpp
/// @brief Marks in text that make Xapian split words as newsdex wants, at index and query time.
#pragma once

#include <string>

namespace newsdex {

/// What an elided article's apostrophe becomes in marked text (see mark_word_boundaries()).
enum class ElisionMark : char {
    space = ' ',     ///< for terms: the article and its apostrophe become spaces ("inflation")
    reversible = 1,  ///< for snippets: the apostrophe becomes a byte no text holds, put back
                     ///< by unmark_word_boundaries()
};

/// Marks `text` in place, keeping its length (offsets into it stay offsets into the original),
/// so that Xapian's TermGenerator and QueryParser, which both split text alike, make the terms
/// newsdex indexes and queries:
/// - A dotted acronym (`U.S.`, `U.K.`, `u.s.a`) becomes one word: its inner dots become `_`
///   (`U_S.`). Xapian would drop the dots and make `us`, the same term as the word "us".
/// - A French or Italian elision at the start of a word (`l'`, `d'`, `qu'`, `dell'`, with
///   `'` or U+2019) is cut off (see ElisionMark). Xapian would keep `l'inflation` as one word,
///   which a query for `inflation` does not find.
void mark_word_boundaries(std::string& text, ElisionMark mark = ElisionMark::space);

/// Undoes mark_word_boundaries(text, ElisionMark::reversible) in text made from it (a snippet):
/// `_` between single letters back to `.`, reversible marks back to apostrophes.
void unmark_word_boundaries(std::string& text);

}  // namespace newsdex
