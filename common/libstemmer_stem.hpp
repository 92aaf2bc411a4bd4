/// @file libstemmer_stem.hpp
/// @brief A Xapian::StemImplementation over libstemmer, for Snowball stemmers Xapian 1.4 lacks.
#pragma once

#include <xapian.h>

#include <string>

struct sb_stemmer;

namespace newsdex {

/// One libstemmer (Snowball C) stemmer behind Xapian's stemmer interface, so that a
/// Xapian::Stem, and through it TermGenerator and QueryParser, can use Greek, Hindi, Serbian
/// or Yiddish. An sb_stemmer keeps state between calls and is not thread-safe: each instance
/// owns its own, and like Xapian's own stemmers one instance serves one thread at a time.
class LibstemmerStem : public Xapian::StemImplementation {
  public:
    /// `algorithm` is a libstemmer name ("greek"); throws Xapian::InvalidArgumentError for
    /// one libstemmer does not have.
    explicit LibstemmerStem(const std::string& algorithm);
    ~LibstemmerStem() override;
    LibstemmerStem(const LibstemmerStem&) = delete;
    LibstemmerStem& operator=(const LibstemmerStem&) = delete;

    /// The stem of one lower-case UTF-8 word.
    std::string operator()(const std::string& word) override;

    /// "libstemmer:greek".
    std::string get_description() const override;

    /// Whether libstemmer has `algorithm`.
    [[nodiscard]] static bool available(const std::string& algorithm);

  private:
    std::string algorithm_;
    sb_stemmer* stemmer_;
};

}  // namespace newsdex
