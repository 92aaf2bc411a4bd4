/// @file language.hpp
/// @brief Language codes and the Snowball stemmer of each, shared by the indexer and searcher.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsdex {

/// The code the index stores for a language (the `L` term and slot 3): the ISO 639-1 code of
/// a language tag or Snowball name ("en", "EN", "en-US", "en_GB", "English" and "english" all
/// give "en"). Anything else comes back trimmed and lower-cased ("porter", "ja").
[[nodiscard]] std::string language_code(std::string_view language);

/// The Snowball algorithm of a language code ("de" -> "german"), or the code itself when the
/// table does not know it (so Xapian names such as "porter" or "german2" keep working).
[[nodiscard]] std::string snowball_name(std::string_view code);

/// Whether `code` (see language_code()) has a stemmer, in Xapian or in libstemmer.
[[nodiscard]] bool has_stemmer(std::string_view code);

/// The stemmer of a language code: Xapian's own where Xapian 1.4 has one, else libstemmer's
/// (Greek, Hindi, Serbian, Yiddish) through LibstemmerStem, else Xapian::Stem("none"): a
/// language without a stemmer is indexed unstemmed rather than with another language's rules.
/// Its stems are folded (FoldingStem: "José" and "Jose" are one term); otherwise plain, as
/// the indexer wants them; the searcher wraps its own in memoised() (MemoStem).
[[nodiscard]] Xapian::Stem stemmer_for(std::string_view code);

/// What a stemmer is for ("english"): what Xapian::Stem's description holds in its brackets,
/// which a wrapping StemImplementation returns as its own.
[[nodiscard]] std::string stemmer_name(const Xapian::Stem& stemmer);

/// The languages with a stemmer, as "code (name)" pairs separated by commas, for messages.
[[nodiscard]] std::string stemmed_languages();

}  // namespace newsdex
