/// @file accent_folding.hpp
/// @brief Latin letters without their diacritics, and a stemmer whose stems are folded so.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsdex {

/// `text` (UTF-8) with each Latin letter's diacritics removed, in lower case where a letter was
/// folded: é -> e, Ñ -> n, ß -> ss, ø -> o, æ -> ae. Other characters, combining marks
/// (U+0300-U+036F) excepted, which are dropped, are kept as they are. ASCII text is returned
/// unchanged without a copy being made past the check.
[[nodiscard]] std::string fold_accents(std::string_view text);

/// A stemmer whose stems are fold_accents() of the wrapped stemmer's: the index holds `Zjose`
/// for "José", and a query for `José` or `Jose` finds it. Stemming first keeps what each
/// language's Snowball rules know of its accents ("économie" stems as French).
/// A word with an `_` (a dotted acronym marked by mark_word_boundaries(), `u_s`) is not
/// stemmed: English Snowball would make `u_s` into `u_`.
class FoldingStem : public Xapian::StemImplementation {
  public:
    explicit FoldingStem(Xapian::Stem stemmer);

    std::string operator()(const std::string& word) override;

    /// The wrapped stemmer's description: a folding stemmer reads as its language.
    std::string get_description() const override;

  private:
    Xapian::Stem stemmer_;
};

/// `stemmer` behind a FoldingStem, or `stemmer` itself when it is Xapian::Stem("none").
[[nodiscard]] Xapian::Stem folding(Xapian::Stem stemmer);

}  // namespace newsdex
